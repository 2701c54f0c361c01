import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { createCustomer, createTenant } from '../../test/factories.ts';
import { signInAsCustomer } from '../../test/sessions.ts';
import { backendEnv, type AppEnv } from '../../../tools/stack/app-processes.ts';
import { ROOT } from '../../../tools/stack/services.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../customers/customer.model.ts';
import { customerPath, pngBytes } from '../tickets/ticket-test-kit.ts';

/** The dev stack's backends: the demo one and the e2e one, on their own ports. */
const stackEnv = (backendPort: number): AppEnv => ({
  mongoUri: 'mongodb://127.0.0.1:1/x',
  authPort: 1,
  smtpPort: 1,
  backendPort,
  webPort: 1,
});
const demoUploads = backendEnv(stackEnv(4000)).UPLOAD_DIR!;
const e2eUploads = backendEnv(stackEnv(4100)).UPLOAD_DIR!;

let t: TestApp;
let blue: TTenantDoc;
let alice: TCustomerDoc;
beforeAll(async () => {
  t = await startTestApp({ UPLOAD_DIR: demoUploads });
  blue = await createTenant({ slug: 'store-blue' });
  alice = await createCustomer(blue);
});
afterAll(() => t.close());

describe('uploads on the dev stack', () => {
  it('every backend process gets the same absolute upload directory under .data', () => {
    expect(e2eUploads).toBe(demoUploads);
    expect(path.isAbsolute(demoUploads)).toBe(true);
    expect(demoUploads.startsWith(path.join(ROOT, '.data') + path.sep)).toBe(true);
  });

  it('a photo uploaded through one backend process is served by another', async () => {
    const second = await t.anotherInstance({ UPLOAD_DIR: e2eUploads });
    const viaFirst = await signInAsCustomer(t, t.client('store-blue'), blue, alice);
    const created = await viaFirst
      .post(customerPath(alice))
      .field('title', 'Photo of the dish')
      .field('description', 'The dish is tilted after the storm.')
      .field('category', 'equipment-failure')
      .attach('files', await pngBytes(), 'dish.png');
    expect(created.status).toBe(201);
    const { id, attachments } = created.body.ticket as { id: string; attachments: { id: string }[] };
    const viaSecond = await signInAsCustomer(t, second.client('store-blue'), blue, alice);
    const download = await viaSecond.get(customerPath(alice, `/${id}/attachments/${attachments[0]!.id}`));
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/^image\/png/);
  });
});

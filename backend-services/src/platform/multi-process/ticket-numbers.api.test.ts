import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { startBackendProcess, type BackendProcess } from '../../../test/backend-process.ts';
import { createCustomer, createTenant } from '../../../test/factories.ts';
import { signInAsCustomer } from '../../../test/sessions.ts';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import { aTicket, customerPath } from '../../tickets/ticket-test-kit.ts';

/**
 * Two backend processes on one database (this test's app and a real `server.ts`): each hands out
 * ticket numbers knowing only its own claims, so only the claim's unique `_id` keeps them apart.
 */
let t: TestApp;
let second: BackendProcess;
let blue: TTenantDoc;
beforeAll(async () => {
  t = await startTestApp();
  second = await startBackendProcess({
    MONGODB_URI: t.config.MONGODB_URI,
    SMTP_URL: t.mail.url,
    UPLOAD_DIR: path.resolve(t.config.UPLOAD_DIR),
  });
  blue = await createTenant({ slug: 'xp-num' });
});
afterAll(async () => {
  await second?.stop();
  await t?.close();
});

describe('ticket numbers across backend processes', () => {
  it(
    '40 creates at once, half through each process, all answer 201 with distinct, gap-free numbers',
    { timeout: 120_000 },
    async () => {
      const customers = await Promise.all(Array.from({ length: 4 }, () => createCustomer(blue)));
      const agents = await Promise.all(
        customers.map((c, i) => signInAsCustomer(t, i % 2 ? second.client('xp-num') : t.client('xp-num'), blue, c)),
      );
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          agents[i % 4]!.post(customerPath(customers[i % 4]!)).send(aTicket({ title: `Two processes ${i}` })),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(40).fill(201));
      const year = new Date().getUTCFullYear();
      const seqs = results
        .map((r) => Number((r.body.ticket.ticketNumber as string).replace(`TKT-${year}-`, '')))
        .sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    },
  );
});

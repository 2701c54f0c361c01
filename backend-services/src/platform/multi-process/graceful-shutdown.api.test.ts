import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.ts';
import { startBackendProcess, type BackendProcess } from '../../../test/backend-process.ts';
import { createCustomer, createTenant } from '../../../test/factories.ts';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../../customers/customer.model.ts';
import { startSession } from '../auth/session.service.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth/session-cookie.ts';
import { TEST_CSRF } from '../../../test/sessions.ts';
import { aTicket, customerPath, openCustomerStream } from '../../tickets/ticket-test-kit.ts';
import { TicketModel } from '../../tickets/ticket.model.ts';

let t: TestApp;
let backend: BackendProcess;
let blue: TTenantDoc;
let alice: TCustomerDoc;
beforeAll(async () => {
  t = await startTestApp();
  backend = await startBackendProcess({
    MONGODB_URI: t.config.MONGODB_URI,
    SMTP_URL: t.mail.url,
    UPLOAD_DIR: path.resolve(t.config.UPLOAD_DIR),
  });
  blue = await createTenant({ slug: 'stop-blue' });
  alice = await createCustomer(blue);
});
afterAll(async () => {
  await backend?.stop('SIGKILL');
  await t?.close();
});

describe('SIGTERM', () => {
  it('ends event streams with a retry hint, finishes the request in flight (201), refuses new connections, exits 0', async () => {
    const { token } = await startSession(
      { kind: 'customer', tenantId: String(blue._id), uid: `uid-${alice.customerId}`, customerId: alice.customerId },
      { idleMinutes: 30, absoluteHours: 12 },
    );
    const stream = await openCustomerStream(t, blue, alice, { baseUrl: backend.baseUrl });
    const body = Buffer.from(JSON.stringify(aTicket({ title: 'Sent while the process stops' })));
    let answered: { status: number; body: string } | undefined;
    const done = new Promise<void>((resolve, reject) => {
      const req = http.request(
        `${backend.baseUrl}${customerPath(alice)}`,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': String(body.length),
            Cookie: `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${TEST_CSRF}`,
            'X-CSRF-Token': TEST_CSRF,
            'X-Forwarded-Host': 'stop-blue.localhost',
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => {
            answered = { status: res.statusCode ?? 0, body: text };
            resolve();
          });
        },
      );
      req.on('error', reject);
      // Half the body now: the request is in flight when the signal arrives.
      req.write(body.subarray(0, 20));
      setTimeout(() => {
        void backend.stop('SIGTERM');
        setTimeout(() => req.end(body.subarray(20)), 500);
      }, 200);
    });
    await done;
    await Promise.race([stream.ended, new Promise((r) => setTimeout(r, 3_000))]);
    expect(stream.raw()).toMatch(/retry: 1000\n\n$/);
    expect(answered?.status).toBe(201);
    const id = (JSON.parse(answered!.body) as { ticket: { id: string } }).ticket.id;
    expect(await TicketModel.exists({ _id: id })).toBeTruthy();
    expect(await backend.exited).toBe(0);
    await expect(fetch(`${backend.baseUrl}/api/health/live`)).rejects.toThrow();
  });
});

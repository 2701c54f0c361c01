import path from 'node:path';
import type { Agent } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import { twoTenantWorld } from '../../../test/kit.ts';
import { startBackendProcess, type BackendProcess } from '../../../test/backend-process.ts';
import { createCustomer } from '../../../test/factories.ts';
import { signInAsCustomer, signInAsStaff } from '../../../test/sessions.ts';
import { browser, createPortalCustomer, linkIn, mailTo, nextIp, PASSWORD } from '../../../test/portal-accounts.ts';
import { recipientsOf } from '../../../test/mail-catcher.ts';
import { aTicket, customerPath, openTicketAs } from '../../tickets/ticket-test-kit.ts';
import { TicketModel } from '../../tickets/ticket.model.ts';
import type { TCustomerDoc } from '../../customers/customer.model.ts';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';

/**
 * What must happen once, with the requests split over two backend processes on one database: this
 * test's app (process 1) and a real `server.ts` (process 2), which share nothing in memory — no
 * per-process queue, lock or cache can be what makes these hold. (A reply on process 2 reaching a stream
 * on process 1 is in cross-process-live.api.test.ts.)
 */
let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
let second: BackendProcess;
twoTenantWorld('duo', (w) => ({ t, blue, green } = w));

beforeAll(async () => {
  second = await startBackendProcess({
    MONGODB_URI: t.config.MONGODB_URI,
    SMTP_URL: t.mail.url,
    UPLOAD_DIR: path.resolve(t.config.UPLOAD_DIR),
  });
}, 60_000);
afterAll(async () => {
  await second?.stop();
});

/** Process 1 for even i, process 2 for odd i. */
const processFor = (i: number) => (i % 2 === 0 ? t : second);
const customerOn = (i: number, c: TCustomerDoc) => signInAsCustomer(t, processFor(i).client('duo-blue'), blue, c);
const outboxIdOf = (m: { headers: Map<string, unknown> }) => String(m.headers.get('x-outbox-id') ?? '');

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('two backend processes on one database', () => {
  it('ticket numbers: 30 creates at once, split over both processes → 30×201 with distinct, gap-free numbers', async () => {
    const customers = await Promise.all(Array.from({ length: 6 }, () => createCustomer(blue)));
    const agents = await Promise.all(customers.map((c, i) => customerOn(i, c)));
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        agents[i % 6]!.post(customerPath(customers[i % 6]!)).send(aTicket({ title: `Split ticket ${i}` })),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    const year = new Date().getUTCFullYear();
    const seqs = results
      .map((r) => Number(String(r.body.ticket.ticketNumber).replace(`TKT-${year}-`, '')))
      .sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('login throttling counts both processes: after 5 failures for one person, split over them, both answer 429', async () => {
    const c = await createPortalCustomer(t, blue);
    const login = (i: number, password: string) =>
      browser(processFor(i), 'duo-blue', nextIp())
        .post('/api/customer-portal/auth/login')
        .send({ identifier: c.email, password });
    for (let i = 0; i < 5; i++) expect((await login(i, 'Wrong-Password-1')).status).toBe(401);
    const onOne = await login(0, PASSWORD);
    const onTwo = await login(1, PASSWORD);
    expect([onOne.status, onTwo.status]).toEqual([429, 429]);
    expect(onTwo.body.error.code).toBe('RATE_LIMITED');
  });

  it('a portal invitation works once: the same code on both processes at once → one 200, the rest 400', async () => {
    const c = await createCustomer(blue);
    const staff = await signInAsStaff(t, t.client('duo-blue'), blue);
    const before = t.mail.messages.length;
    await staff.post(`/api/customers/${c.customerId}/portal-invite`).send({}).expect(202);
    const code = linkIn(await mailTo(t, c.email!, 'invitation', before), '/signup').searchParams.get('code')!;
    const tries = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        browser(processFor(i), 'duo-blue')
          .post('/api/customer-portal/auth/link-account')
          .send({ accessCode: code, password: PASSWORD }),
      ),
    );
    expect(tries.map((r) => r.status).sort()).toEqual([200, 400, 400, 400]);
  });

  it('a staff invitation link sets the password once: both processes at once → one 200, one 400', async () => {
    const email = `duo.invitee.${Date.now()}@wisp.example`;
    const admin = await signInAsStaff(t, browser(t, 'duo-blue'), blue, 'admin');
    const before = t.mail.messages.length;
    await admin.post('/api/staff/team/invitations').send({ email, name: 'Ana', role: 'staff' }).expect(201);
    const mail = await mailTo(t, email, 'staff workspace', before);
    const code = /\/staff\/accept\?code=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
    expect(code).toBeTruthy();
    const answers = await Promise.all(
      [0, 1].map((i) =>
        browser(processFor(i), 'duo-blue')
          .post('/api/staff/auth/set-password')
          .send({ code, password: 'Teal-Lantern-Orchard-77' }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('a password reset code works once: both processes at once → one 200, one 400', async () => {
    const c = await createPortalCustomer(t, blue);
    const before = t.mail.messages.length;
    await browser(second, 'duo-blue')
      .post('/api/customer-portal/auth/reset-password')
      .send({ identifier: c.email })
      .expect(202);
    const oobCode = linkIn(await mailTo(t, c.email!, 'Reset your', before), '/reset-password').searchParams.get(
      'oobCode',
    );
    const answers = await Promise.all(
      ['Brand-New-Secret-2026', 'Other-New-Secret-2026'].map((password, i) =>
        browser(processFor(i), 'duo-blue')
          .post('/api/customer-portal/auth/reset-password/complete')
          .send({ oobCode, password }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('a rating is taken once: ten ratings at once over both processes → one 200, nine 409', async () => {
    const c = await createCustomer(blue);
    const agents = [await customerOn(0, c), await customerOn(1, c)];
    const ticket = await openTicketAs(agents[0]!, c);
    await (
      await signInAsStaff(t, second.client('duo-blue'), blue)
    )
      .post(`/api/work-orders/${ticket.id}/status`)
      .send({ status: 'resolved' })
      .expect(200);
    const results = await Promise.all(
      [1, 2, 3, 4, 5, 1, 2, 3, 4, 5].map((rating, i) =>
        agents[i % 2]!.post(customerPath(c, `/${ticket.id}/rating`)).send({ rating }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const accepted = results.find((r) => r.status === 200)!.body.ticket.satisfaction.rating;
    expect((await TicketModel.findById(ticket.id).lean())?.satisfaction?.rating).toBe(accepted);
  });

  it('the outbox sends each mail exactly once while both processes run a worker: 20 replies → 20 mails, no id twice', async () => {
    const customers = await Promise.all(Array.from({ length: 4 }, () => createCustomer(blue)));
    const tickets = await Promise.all(customers.map(async (c) => openTicketAs(await customerOn(0, c), c)));
    const staff: Agent[] = [
      await signInAsStaff(t, t.client('duo-blue'), blue),
      await signInAsStaff(t, second.client('duo-blue'), blue),
    ];
    const recipients = new Set(customers.map((c) => c.email!.toLowerCase()));
    const isReply = (m: (typeof t.mail.messages)[number]) =>
      recipientsOf(m).some((a) => recipients.has(a)) && /^New reply on your ticket/.test(m.subject ?? '');
    const before = t.mail.messages.filter(isReply).map(outboxIdOf);
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        staff[i % 2]!.post(`/api/work-orders/${tickets[i % 4]!.id}/replies`).send({ body: `Update number ${i}.` }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(20).fill(201));
    const fresh = () => t.mail.messages.filter(isReply).filter((m) => !before.includes(outboxIdOf(m)));
    await until('20 reply mails', () => fresh().length >= 20);
    // Both workers keep polling a while longer: a message claimed twice would arrive now.
    await new Promise((r) => setTimeout(r, 2_000));
    const ids = fresh().map(outboxIdOf);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    expect(ids.every((id) => id.length > 0)).toBe(true);
  });

  it('a tenant stays a tenant on either process: another tenant’s ticket → 404 on both', async () => {
    const c = await createCustomer(blue);
    const ticket = await openTicketAs(await customerOn(0, c), c);
    for (const p of [t, second]) {
      const outsider = await signInAsStaff(t, p.client('duo-green'), green);
      expect((await outsider.get(`/api/work-orders/${ticket.id}`)).status).toBe(404);
    }
  });
});

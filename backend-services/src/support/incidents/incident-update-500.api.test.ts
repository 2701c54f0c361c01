import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/harness.ts';
import { twoProcessWorld, type SecondProcess } from '../../../test/kit.ts';
import { signInAsStaff } from '../../../test/sessions.ts';
import { incidentFor } from '../../../test/incident-factory.ts';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import { CustomerModel } from '../../customers/customer.model.ts';
import { TicketMessageModel, TicketModel } from '../../tickets/ticket.model.ts';
import { createMailTransport } from '../../notifications/mailer.ts';
import { startOutboxWorker, type OutboxWorker } from '../../notifications/outbox.service.ts';
import { createLogger } from '../../platform/http/logger.ts';
import { IncidentSubscriptionModel } from './incident-subscription.model.ts';

let t: TestApp;
let other: SecondProcess;
let blue: TTenantDoc;
/** The second process's own outbox worker: two workers deliver from one database. */
let secondWorker: OutboxWorker;
twoProcessWorld('o500-blue', (w) => ({ t, other, blue } = w));
beforeAll(() => {
  secondWorker = startOutboxWorker({
    transport: createMailTransport(t.config.SMTP_URL),
    from: t.config.MAIL_FROM,
    logger: createLogger('silent'),
    pollMs: 100,
  });
});
afterAll(() => secondWorker.stop());

const SITE = 'TOWER-500';
const CUSTOMERS = 400; // the first 100 filed two tickets each: 500 tickets
const SUBSCRIBER_ONLY = 10;

/** 400 customers at the site with 500 open no-connection tickets, 20 of them also subscribed, plus 10 subscribers only. */
async function seedOutage() {
  const now = Date.now();
  const customers = Array.from({ length: CUSTOMERS + SUBSCRIBER_ONLY }, (_, i) => ({
    tenantId: blue._id,
    customerId: `C5-${i}`,
    firstName: 'Out',
    lastName: `Age${i}`,
    email: `out${i}@example.test`,
    serviceStatus: 'active',
    siteId: SITE,
  }));
  await CustomerModel.insertMany(customers);
  const year = new Date().getUTCFullYear();
  const tickets = Array.from({ length: 500 }, (_, i) => {
    const customerId = `C5-${i < CUSTOMERS ? i : i - CUSTOMERS}`;
    const at = new Date(now - (500 - i) * 1000);
    return {
      tenantId: blue._id,
      ticketNumber: `TKT-${year}-${String(i + 1).padStart(6, '0')}`,
      ticketYear: year,
      ticketSeq: i + 1,
      customerId,
      title: 'No internet',
      description: 'The connection is down since this morning.',
      category: 'no-connection',
      priority: 'high',
      status: 'open',
      source: 'portal',
      siteId: SITE,
      statusHistory: [{ to: 'open', by: customerId, byType: 'customer', at }],
      lastActivityAt: at,
      lastCustomerMessageAt: at,
    };
  });
  await TicketModel.insertMany(tickets);
  const subscribers = [
    ...Array.from({ length: 20 }, (_, i) => i),
    ...customers.slice(CUSTOMERS).map((_, i) => CUSTOMERS + i),
  ];
  const incidentId = await incidentFor(blue, { affectedSiteIds: [SITE], title: 'Tower 500 down' });
  await IncidentSubscriptionModel.insertMany(
    subscribers.map((i) => ({ tenantId: blue._id, incidentId, customerId: `C5-${i}` })),
  );
  return incidentId;
}

const outboxIdOf = (m: { headers: Map<string, unknown> }) => String(m.headers.get('x-outbox-id') ?? '');

describe('one update to 500 linked tickets, two backend processes on one database', () => {
  it(
    '→ exactly 500 replies and 410 mails (one per affected customer), each once, counted by message id',
    { timeout: 600_000 },
    async () => {
      const incidentId = await seedOutage();
      const onA = await signInAsStaff(t, t.client('o500-blue'), blue);
      const onB = await signInAsStaff(t, other.client('o500-blue'), blue, 'admin');

      const linkStarted = Date.now();
      const links = await Promise.all([
        onA.post(`/api/support/incidents/${incidentId}/links`).send({ all: true }),
        onB.post(`/api/support/incidents/${incidentId}/links`).send({ all: true }),
      ]);
      const linkMs = Date.now() - linkStarted;
      expect(links.map((r) => r.status)).toEqual([200, 200]);
      expect(links.reduce((n, r) => n + (r.body as { linked: number }).linked, 0)).toBe(500);

      const mailsBefore = t.mail.messages.length;
      const started = Date.now();
      // Process A posts the update; process B delivers the same update at the same time ("deliver again").
      let bDelivered = false;
      const [posted] = await Promise.all([
        onA
          .post(`/api/support/incidents/${incidentId}/updates`)
          .send({ status: 'identified', message: 'A lightning strike took out the radios; crews are replacing them.' }),
        (async () => {
          for (let tries = 0; tries < 400 && !bDelivered; tries++) {
            const res = await onB.post(`/api/support/incidents/${incidentId}/updates/1/deliver`).send({});
            if (res.status === 200) bDelivered = true;
            else await new Promise((r) => setTimeout(r, 25));
          }
        })(),
      ]);
      const postMs = Date.now() - started;
      expect(posted.status).toBe(201);
      expect(bDelivered).toBe(true);

      const expectedMails = CUSTOMERS + SUBSCRIBER_ONLY;
      const deadline = Date.now() + 480_000;
      while (t.mail.messages.length - mailsBefore < expectedMails && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      const mailedMs = Date.now() - started;
      // Give a duplicate the chance to show up before counting.
      await Promise.all([t.outbox.drain(), secondWorker.drain()]);
      await new Promise((r) => setTimeout(r, 1_000));

      const replies = await TicketMessageModel.find({ tenantId: blue._id, authorType: 'staff' })
        .select('workOrderId')
        .lean();
      expect(replies).toHaveLength(500);
      expect(new Set(replies.map((r) => String(r.workOrderId))).size).toBe(500);

      const mails = t.mail.messages.slice(mailsBefore);
      const ids = mails.map(outboxIdOf);
      expect(mails).toHaveLength(expectedMails);
      expect(new Set(ids).size).toBe(expectedMails);
      const recipients = mails.flatMap((m) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).map((a) => a.text));
      expect(new Set(recipients).size).toBe(expectedMails);

      console.log(
        `[outages] 500 linked tickets: linking ${linkMs} ms; update posted in ${postMs} ms ` +
          `(500 replies, ${expectedMails} mails queued); all ${expectedMails} mails delivered ${mailedMs} ms after posting`,
      );
    },
  );
});

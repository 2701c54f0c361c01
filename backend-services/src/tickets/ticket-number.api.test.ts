import { describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness.ts';
import { twoTenantWorld } from '../../test/kit.ts';
import { createCustomer, createTenant } from '../../test/factories.ts';
import { signInAsCustomer } from '../../test/sessions.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { TicketModel } from './ticket.model.ts';
import { claimNextSeqUnqueued, formatTicketNumber, ticketNumberDispenser } from './ticket-number.ts';
import { aTicket, customerPath } from './ticket-test-kit.ts';

let t: TestApp;
let blue: TTenantDoc;
let green: TTenantDoc;
twoTenantWorld('num', (w) => ({ t, blue, green } = w));

describe('ticket numbers', () => {
  it('formats TKT-<year>-<seq> zero-padded to at least 4 digits', () => {
    expect(formatTicketNumber(2026, 7)).toBe('TKT-2026-0007');
    expect(formatTicketNumber(2026, 12345)).toBe('TKT-2026-12345');
  });

  it('50 concurrent creates all succeed with distinct, gap-free numbers', { timeout: 120_000 }, async () => {
    const customers = await Promise.all(Array.from({ length: 5 }, () => createCustomer(blue)));
    const agents = await Promise.all(customers.map((c) => signInAsCustomer(t, t.client('num-blue'), blue, c)));
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        agents[i % 5]!.post(customerPath(customers[i % 5]!)).send(aTicket({ title: `Concurrent ticket ${i}` })),
      ),
    );
    const elapsedMs = Date.now() - started;
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const numbers = results.map((r) => r.body.ticket.ticketNumber as string);
    expect(new Set(numbers).size).toBe(50);
    const year = new Date().getUTCFullYear();
    const seqs = numbers.map((n) => Number(n.replace(`TKT-${year}-`, ''))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    console.info(`50 concurrent ticket creates took ${elapsedMs} ms`);
  });

  it(
    '50 concurrent claims racing in the database (as from several processes) get distinct, gap-free numbers',
    { timeout: 120_000 },
    async () => {
      const tenant = await createTenant({ slug: 'num-race' });
      const started = Date.now();
      const seqs = await Promise.all(Array.from({ length: 50 }, () => claimNextSeqUnqueued(String(tenant._id), 2031)));
      console.info(`50 racing claims took ${Date.now() - started} ms`);
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    },
  );

  it(
    'two processes handing out numbers at once (25 claims each, in parallel) get distinct, gap-free numbers',
    { timeout: 120_000 },
    async () => {
      const tenant = await createTenant({ slug: 'num-two' });
      // Each dispenser knows only its own claims, as in two backend processes on one database.
      const [first, second] = [ticketNumberDispenser(), ticketNumberDispenser()];
      const seqs = await Promise.all(
        Array.from({ length: 50 }, (_, i) => (i % 2 ? first : second)(String(tenant._id), 2032)),
      );
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      // A later burst continues after the last number, whichever process issued it.
      const later = await Promise.all([first(String(tenant._id), 2032), second(String(tenant._id), 2032)]);
      expect(later.sort((a, b) => a - b)).toEqual([51, 52]);
    },
  );

  it('numbers are per tenant: another tenant starts again at 0001', async () => {
    const customer = await createCustomer(green);
    const agent = await signInAsCustomer(t, t.client('num-green'), green, customer);
    const res = await agent.post(customerPath(customer)).send(aTicket());
    expect(res.body.ticket.ticketNumber).toBe(formatTicketNumber(new Date().getUTCFullYear(), 1));
  });

  it('the unique index refuses a duplicate number in one tenant even when written directly', async () => {
    const existing = await TicketModel.findOne({ tenantId: blue._id }).lean();
    const { _id, ...copy } = existing!;
    void _id;
    await expect(TicketModel.create(copy)).rejects.toMatchObject({ code: 11000 });
  });
});

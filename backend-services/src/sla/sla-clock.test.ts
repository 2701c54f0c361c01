import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_TARGETS } from '@wisp/shared';
import { businessCalendar, elapsedBusinessMinutes, pausesOf, slaOf, type SlaTicket } from './sla-clock.ts';

const CHICAGO = 'America/Chicago';
// Mon–Fri 08:00–18:00 on Chicago's wall clock (UTC-6 in winter, UTC-5 in summer).
const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:00', closes: '18:00' }));
const at = (iso: string) => new Date(iso);
const calendarFor = (from: string, to: string, hours = weekdays, tz = CHICAGO) =>
  businessCalendar(hours, tz, at(from), at(to));
const elapsed = (from: string, to: string, pauses: { start: string; end: string }[] = [], hours = weekdays) =>
  elapsedBusinessMinutes(
    calendarFor(from, to, hours),
    at(from),
    at(to),
    pauses.map((p) => ({ start: at(p.start).getTime(), end: at(p.end).getTime() })),
  );
const ticket = (overrides: Partial<SlaTicket> = {}): SlaTicket => ({
  createdAt: at('2026-11-30T15:00:00Z'), // Mon 09:00 Chicago
  status: 'open',
  priority: 'high',
  ...overrides,
});

describe("business time in the tenant's support hours (fixed clock)", () => {
  it('skips the weekend: Friday 17:00 to Monday 09:30 is 60 + 90 business minutes', () => {
    expect(elapsed('2026-11-27T23:00:00Z', '2026-11-30T15:30:00Z')).toBe(150);
  });

  it('counts nothing outside the hours: Saturday all day is zero', () => {
    expect(elapsed('2026-11-28T06:00:00Z', '2026-11-29T06:00:00Z')).toBe(0);
  });

  it('follows the wall clock across the end of DST: Friday 17:00 CDT to Monday 09:00 CST is 120 minutes', () => {
    // Oct 30 2026 is UTC-5; Chicago falls back on Sunday Nov 1, so Monday 08:00 is 14:00Z, not 13:00Z.
    expect(elapsed('2026-10-30T22:00:00Z', '2026-11-02T15:00:00Z')).toBe(120);
  });

  it('the same instants count differently in another timezone', () => {
    const from = at('2026-11-30T15:00:00Z');
    const to = at('2026-11-30T23:30:00Z'); // Chicago 09:00–17:30, Denver 08:00–16:30, New York 10:00–18:30
    const inZone = (tz: string) => elapsedBusinessMinutes(businessCalendar(weekdays, tz, from, to), from, to);
    expect(inZone(CHICAGO)).toBe(510);
    expect(inZone('America/New_York')).toBe(480);
  });

  it('a tenant with no support hours set counts around the clock', () => {
    expect(elapsed('2026-11-28T06:00:00Z', '2026-11-29T06:00:00Z', [], [])).toBe(24 * 60);
  });
});

describe('the clock pauses', () => {
  const now = at('2026-11-30T18:00:00Z'); // Mon 12:00

  it('while the ticket waits on the customer (from the status history)', () => {
    const pauses = pausesOf(
      {
        statusHistory: [
          { to: 'open', at: at('2026-11-30T15:00:00Z') },
          { to: 'waiting-on-customer', at: at('2026-11-30T16:00:00Z') }, // 10:00
          { to: 'open', at: at('2026-11-30T17:30:00Z') }, // 11:30
        ],
      },
      now,
    );
    const cal = calendarFor('2026-11-30T15:00:00Z', '2026-11-30T18:00:00Z');
    expect(elapsedBusinessMinutes(cal, at('2026-11-30T15:00:00Z'), now, pauses)).toBe(90);
  });

  it('while linked to an incident: until unlinked, else until the incident resolved, else still', () => {
    const link = (unlinkedAt?: Date) => ({ incidentId: 'inc-1', linkedAt: at('2026-11-30T15:30:00Z'), unlinkedAt });
    const cal = calendarFor('2026-11-30T15:00:00Z', '2026-12-10T00:00:00Z');
    const from = at('2026-11-30T15:00:00Z');
    const until = (p: ReturnType<typeof pausesOf>) => elapsedBusinessMinutes(cal, from, now, p);
    expect(until(pausesOf({ incidentLinks: [link(at('2026-11-30T16:30:00Z'))] }, now))).toBe(180 - 60);
    const resolved = new Map([['inc-1', at('2026-11-30T16:45:00Z')]]);
    expect(until(pausesOf({ incidentLinks: [link()] }, now, resolved))).toBe(180 - 75);
    expect(until(pausesOf({ incidentLinks: [link()] }, now))).toBe(30);
  });

  it('once when waiting and an incident link overlap', () => {
    const pauses = pausesOf(
      {
        statusHistory: [
          { to: 'waiting-on-customer', at: at('2026-11-30T15:30:00Z') }, // 09:30
          { to: 'in-progress', at: at('2026-11-30T16:30:00Z') }, // 10:30
        ],
        incidentLinks: [
          { incidentId: 'inc-1', linkedAt: at('2026-11-30T16:00:00Z'), unlinkedAt: at('2026-11-30T17:00:00Z') },
        ],
      },
      now,
    );
    const cal = calendarFor('2026-11-30T15:00:00Z', '2026-11-30T18:00:00Z');
    // 09:30–11:00 is paused once (90 minutes), not 60 + 60.
    expect(elapsedBusinessMinutes(cal, at('2026-11-30T15:00:00Z'), now, pauses)).toBe(180 - 90);
  });
});

describe('slaOf: what the queue row shows', () => {
  const cal = (now: string) =>
    calendarFor('2026-11-20T00:00:00Z', new Date(at(now).getTime() + 30 * 86_400_000).toISOString());

  it('counts the first response until answered, then the resolution', () => {
    const now = '2026-11-30T15:40:00Z'; // 40 minutes after opening
    expect(slaOf(ticket(), DEFAULT_SLA_TARGETS, cal(now), at(now))).toEqual({
      target: 'first-response',
      dueInMinutes: 20,
      dueAt: '2026-11-30T16:00:00.000Z',
      paused: false,
    });
    const answered = slaOf(
      ticket({ firstResponseAt: at('2026-11-30T15:20:00Z') }),
      DEFAULT_SLA_TARGETS,
      cal(now),
      at(now),
    );
    expect(answered).toMatchObject({ target: 'resolution', dueInMinutes: 8 * 60 - 40, paused: false });
  });

  it('goes negative once overdue, with no due time', () => {
    const now = '2026-11-30T16:35:00Z'; // 95 minutes after a high ticket opened
    expect(slaOf(ticket(), DEFAULT_SLA_TARGETS, cal(now), at(now))).toEqual({
      target: 'first-response',
      dueInMinutes: -35,
      dueAt: null,
      paused: false,
    });
  });

  it('a ticket opened late on Friday is due on Monday morning, not over the weekend', () => {
    const now = '2026-11-27T23:30:00Z'; // Fri 17:30
    const sla = slaOf(ticket({ createdAt: at(now) }), DEFAULT_SLA_TARGETS, cal(now), at(now));
    expect(sla).toMatchObject({ dueInMinutes: 60, dueAt: '2026-11-30T14:30:00.000Z' }); // Mon 08:30
  });

  it('says paused while waiting on the customer, and keeps the time left', () => {
    const now = '2026-11-30T18:00:00Z';
    const waiting = ticket({
      status: 'waiting-on-customer',
      statusHistory: [{ to: 'waiting-on-customer', at: at('2026-11-30T15:20:00Z') }],
    });
    expect(slaOf(waiting, DEFAULT_SLA_TARGETS, cal(now), at(now))).toEqual({
      target: 'first-response',
      dueInMinutes: 40,
      dueAt: null,
      paused: true,
    });
  });

  it('has no clock once resolved or closed', () => {
    const now = '2026-11-30T18:00:00Z';
    expect(slaOf(ticket({ status: 'resolved' }), DEFAULT_SLA_TARGETS, cal(now), at(now))).toBeNull();
    expect(slaOf(ticket({ status: 'closed' }), DEFAULT_SLA_TARGETS, cal(now), at(now))).toBeNull();
  });
});

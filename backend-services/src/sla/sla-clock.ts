import type { TSlaTargets, TTicketSla } from '@wisp/shared';
import { instantOfWallTime, toMinutes, wallClockAt, type WeeklyWindow } from '../support/contact/support-hours.ts';

/**
 * The SLA clock, pure: no database, no `Date.now()` (the caller passes `now`). Business time is the
 * tenant's weekly support hours on the tenant's wall clock (so a DST change moves the windows, not
 * the count); a tenant with no hours set counts around the clock. The clock pauses while the ticket
 * waits on the customer and while it is linked to an incident.
 */

/** Half-open `[start, end)` in epoch milliseconds. */
export type Interval = { start: number; end: number };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How far back the calendar goes: a ticket open longer than this is long overdue anyway. */
const MAX_LOOKBACK_DAYS = 400;

/** What the clock reads from a ticket (the incident links arrive with the outages branch, hence optional). */
export type SlaTicket = {
  createdAt: Date;
  status: string;
  priority: string;
  firstResponseAt?: Date | null;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  statusHistory?: readonly { to: string; at: Date }[] | null;
  incidentLinks?: readonly { incidentId: string; linkedAt: Date; unlinkedAt?: Date | null }[] | null;
};

/** The business windows between two instants, in order and disjoint. */
export type BusinessCalendar = { windows: Interval[]; from: number; to: number };

export function businessCalendar(
  hours: readonly WeeklyWindow[],
  timeZone: string,
  from: Date,
  to: Date,
): BusinessCalendar {
  const start = Math.max(from.getTime(), to.getTime() - MAX_LOOKBACK_DAYS * DAY);
  const end = to.getTime();
  const valid = hours.filter((w) => w.day >= 0 && w.day <= 6 && toMinutes(w.closes) > toMinutes(w.opens));
  if (valid.length === 0) return { windows: start < end ? [{ start, end }] : [], from: start, to: end };

  const base = wallClockAt(new Date(start), timeZone);
  const days = Math.ceil((end - start) / DAY) + 2;
  const windows: Interval[] = [];
  for (let k = -1; k <= days; k++) {
    const weekday = new Date(Date.UTC(base.year, base.month - 1, base.day + k)).getUTCDay();
    for (const w of valid.filter((v) => v.day === weekday)) {
      const opens = instantOfWallTime(base, k, toMinutes(w.opens), timeZone).getTime();
      const closes = instantOfWallTime(base, k, toMinutes(w.closes), timeZone).getTime();
      const clipped = { start: Math.max(opens, start), end: Math.min(closes, end) };
      if (clipped.start < clipped.end) windows.push(clipped);
    }
  }
  return { windows: mergeIntervals(windows), from: start, to: end };
}

export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.start < i.end).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged;
}

/**
 * When the clock stands still: each stretch in waiting-on-customer (from the status history), and each
 * incident link until it was unlinked, else until its incident was resolved, else until now.
 */
export function pausesOf(
  ticket: Pick<SlaTicket, 'statusHistory' | 'incidentLinks'>,
  now: Date,
  incidentResolvedAt: ReadonlyMap<string, Date> = new Map(),
): Interval[] {
  const pauses: Interval[] = [];
  const history = [...(ticket.statusHistory ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime());
  history.forEach((change, i) => {
    if (change.to !== 'waiting-on-customer') return;
    const next = history[i + 1];
    pauses.push({ start: change.at.getTime(), end: next ? next.at.getTime() : now.getTime() });
  });
  for (const link of ticket.incidentLinks ?? []) {
    const end = link.unlinkedAt ?? incidentResolvedAt.get(String(link.incidentId)) ?? now;
    pauses.push({ start: link.linkedAt.getTime(), end: Math.min(end.getTime(), now.getTime()) });
  }
  return mergeIntervals(pauses);
}

const overlap = (a: Interval, b: Interval) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Business minutes in `[from, to)` outside the pauses, whole minutes rounded down. */
export function elapsedBusinessMinutes(
  calendar: BusinessCalendar,
  from: Date,
  to: Date,
  pauses: readonly Interval[] = [],
): number {
  const span = { start: from.getTime(), end: to.getTime() };
  if (span.end <= span.start) return 0;
  const merged = mergeIntervals(pauses);
  let ms = 0;
  for (const w of calendar.windows) {
    if (w.end <= span.start) continue;
    if (w.start >= span.end) break;
    const part = { start: Math.max(w.start, span.start), end: Math.min(w.end, span.end) };
    ms += part.end - part.start - merged.reduce((sum, p) => sum + overlap(part, p), 0);
  }
  return Math.floor(ms / MINUTE);
}

/** The instant `minutes` of business time after `from`, inside the calendar; null past its end. */
export function addBusinessMinutes(calendar: BusinessCalendar, from: Date, minutes: number): Date | null {
  let left = minutes * MINUTE;
  for (const w of calendar.windows) {
    if (w.end <= from.getTime()) continue;
    const start = Math.max(w.start, from.getTime());
    if (w.end - start >= left) return new Date(start + left);
    left -= w.end - start;
  }
  return null;
}

const CLOSED = new Set(['resolved', 'closed']);

/**
 * A ticket's clock at `now`: the first response until it is answered, then the resolution; null once
 * resolved or closed. The calendar must cover the ticket's creation until past `now` (for `dueAt`).
 */
export function slaOf(
  ticket: SlaTicket,
  targets: TSlaTargets,
  calendar: BusinessCalendar,
  now: Date,
  incidentResolvedAt: ReadonlyMap<string, Date> = new Map(),
): TTicketSla | null {
  if (CLOSED.has(ticket.status)) return null;
  const target = targets[ticket.priority as keyof TSlaTargets];
  if (!target) return null;
  const answered = Boolean(ticket.firstResponseAt);
  const budget = answered ? target.resolutionMinutes : target.firstResponseMinutes;
  const pauses = pausesOf(ticket, now, incidentResolvedAt);
  const elapsed = elapsedBusinessMinutes(calendar, ticket.createdAt, now, pauses);
  const paused = pauses.some((p) => p.start <= now.getTime() && now.getTime() <= p.end);
  const dueInMinutes = budget - elapsed;
  const dueAt = paused || dueInMinutes <= 0 ? null : addBusinessMinutes(calendar, now, dueInMinutes);
  return {
    target: answered ? 'resolution' : 'first-response',
    dueInMinutes,
    dueAt: dueAt ? dueAt.toISOString() : null,
    paused,
  };
}

import { SATISFACTION_LOW_RATING, type TSatisfactionQuery, type TSatisfactionReport } from '@wisp/shared';
import { requireAccess, type AccessContext } from '../platform/access/access.ts';
import { instantOfWallTime, wallClockAt, type WallClock } from '../support/contact/support-hours.ts';
import { TicketModel } from '../tickets/ticket.model.ts';

const DEFAULT_DAYS = 30;

type Rated = {
  _id: unknown;
  ticketNumber: string;
  title: string;
  assignedTo?: string | null;
  satisfaction: { rating: number; comment?: string | null; ratedAt: Date };
};

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (w: Pick<WallClock, 'year' | 'month' | 'day'>) => `${w.year}-${pad(w.month)}-${pad(w.day)}`;
const wallOfDay = (iso: string): WallClock => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day, weekday: 0, minutes: 0 };
};
/** `iso` shifted by whole days, on the calendar (no timezone involved). */
const addDays = (iso: string, days: number) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
};
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The instants that start `from` and end `to` (both days included) on the tenant's wall clock. */
export function periodBounds(query: TSatisfactionQuery, timeZone: string, now: Date) {
  const today = dayOf(wallClockAt(now, timeZone));
  const to = query.to ?? (query.from ? addDays(query.from, DEFAULT_DAYS - 1) : today);
  const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  return {
    from,
    to,
    start: instantOfWallTime(wallOfDay(from), 0, 0, timeZone),
    end: instantOfWallTime(wallOfDay(to), 1, 0, timeZone),
  };
}

/**
 * Ratings given in the period, read in one query of the tenant's rated tickets and counted here
 * (FerretDB's `$group` computes only its first accumulator, so counts and sums are not asked of it).
 */
export async function satisfactionReport(ctx: AccessContext, query: TSatisfactionQuery): Promise<TSatisfactionReport> {
  await requireAccess(ctx, 'report.satisfaction');
  const timeZone = ctx.tenant.timezone;
  const { from, to, start, end } = periodBounds(query, timeZone, new Date());
  const rated = await TicketModel.find(
    { tenantId: ctx.tenant._id, 'satisfaction.ratedAt': { $gte: start, $lt: end } },
    { ticketNumber: 1, title: 1, assignedTo: 1, satisfaction: 1 },
  ).lean<Rated[]>();
  const ratings = rated.filter((t) => Number.isInteger(t.satisfaction?.rating) && t.satisfaction.rating >= 1);

  const sum = (list: Rated[]) => list.reduce((s, t) => s + t.satisfaction.rating, 0);
  const byAssignee = new Map<string | null, Rated[]>();
  for (const t of ratings) {
    const key = t.assignedTo ?? null;
    byAssignee.set(key, [...(byAssignee.get(key) ?? []), t]);
  }
  return {
    period: { from, to, timezone: timeZone },
    count: ratings.length,
    average: ratings.length ? round2(sum(ratings) / ratings.length) : null,
    distribution: [1, 2, 3, 4, 5].map((rating) => ({
      rating,
      count: ratings.filter((t) => t.satisfaction.rating === rating).length,
    })),
    byAssignee: [...byAssignee.entries()]
      .map(([assignee, list]) => ({ assignee, count: list.length, average: round2(sum(list) / list.length) }))
      .sort((a, b) => b.count - a.count || (a.assignee ?? '~').localeCompare(b.assignee ?? '~')),
    lowRatings: ratings
      .filter((t) => t.satisfaction.rating <= SATISFACTION_LOW_RATING)
      .sort((a, b) => b.satisfaction.ratedAt.getTime() - a.satisfaction.ratedAt.getTime())
      .map((t) => ({
        ticketId: String(t._id),
        ticketNumber: t.ticketNumber,
        title: t.title,
        rating: t.satisfaction.rating,
        comment: t.satisfaction.comment || null,
        ratedAt: t.satisfaction.ratedAt.toISOString(),
        assignee: t.assignedTo ?? null,
      })),
  };
}

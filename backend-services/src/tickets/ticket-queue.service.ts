import {
  CLOSED_TICKET_STATUSES,
  DESK_VIEWS,
  OPEN_TICKET_STATUSES,
  TICKET_PRIORITIES,
  type TDeskQueuePage,
  type TDeskQueueQuery,
  type TDeskView,
  type TTicketStatus,
} from '@wisp/shared';
import { WHOLE_RESULT_BATCH } from '../platform/db/mongo.ts';
import { requireAccess } from '../platform/access/access.ts';
import { escapeRegex } from '../platform/util/escape-regex.ts';
import { CustomerModel } from '../customers/customer.model.ts';
import { IncidentModel } from '../support/incidents/incident.model.ts';
import { wallClockAt } from '../support/contact/support-hours.ts';
import { viewersOf } from '../desk/presence.ts';
import type { TicketContext } from './ticket-context.ts';
import { TicketModel, TicketStaffReadModel, type TTicketDoc } from './ticket.model.ts';
import { toStaffTicketSummary } from './tickets.views.ts';
import { isBreachingSoon, queueClocks, type ClockedRow } from '../sla/queue-sla.ts';
import { slaTargetsOf } from '../sla/sla-policy.service.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const AGE_DAYS = { '1d': 1, '3d': 3, '7d': 7, '30d': 30 } as const;
const PRIORITY_RANK = Object.fromEntries(TICKET_PRIORITIES.map((p, i) => [p, i]));
const isOpen = (s: string) => (OPEN_TICKET_STATUSES as readonly string[]).includes(s);
const isClosed = (s: string) => (CLOSED_TICKET_STATUSES as readonly string[]).includes(s);

/** The fields a queue row and its filters need: never the description, history or diagnostics. */
const ROW_FIELDS = {
  ticketNumber: 1,
  customerId: 1,
  title: 1,
  category: 1,
  priority: 1,
  status: 1,
  source: 1,
  assignedTo: 1,
  siteId: 1,
  createdAt: 1,
  lastActivityAt: 1,
  lastCustomerMessageAt: 1,
  firstResponseAt: 1,
  resolvedAt: 1,
  closedAt: 1,
  // The SLA clock's pauses (incidentLinks arrives with the outages branch).
  statusHistory: 1,
  incidentLinks: 1,
} as const;
type Row = Pick<TTicketDoc, '_id' | Exclude<keyof typeof ROW_FIELDS, 'incidentLinks'>> & ClockedRow;

/** The built-in views. Each counts on its own, whatever filters the page has. */
function inView(view: TDeskView, t: Row, me: string, weekAgo: Date): boolean {
  switch (view) {
    case 'breaching':
      return isBreachingSoon(t);
    case 'mine':
      return isOpen(t.status) && t.assignedTo === me;
    case 'unassigned':
      return isOpen(t.status) && !t.assignedTo;
    case 'waiting':
      return t.status === 'waiting-on-customer';
    case 'open':
      return isOpen(t.status);
    case 'resolved': {
      const at = t.resolvedAt ?? t.closedAt;
      return isClosed(t.status) && Boolean(at && at >= weekAgo);
    }
  }
}

/** Midnight today in the tenant's timezone (the day the dashboard's "created today" means). */
function startOfTodayIn(timeZone: string, now: Date): Date {
  const w = wallClockAt(now, timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, Math.floor(w.minutes / 60), w.minutes % 60);
  const offsetMs = wallAsUtc - Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(Date.UTC(w.year, w.month - 1, w.day) - offsetMs);
}

/** Customers whose name, customer ID or phone (any format: only its digits count) match the search. */
async function customersMatching(ctx: TicketContext, q: string): Promise<Set<string>> {
  const words = q.split(/\s+/).filter(Boolean).map(escapeRegex);
  const digits = q.replace(/\D/g, '');
  const byName = {
    $and: words.map((w) => ({
      $or: [{ firstName: { $regex: w, $options: 'i' } }, { lastName: { $regex: w, $options: 'i' } }],
    })),
  };
  const found = await CustomerModel.find(
    {
      tenantId: ctx.tenant._id,
      $or: [
        byName,
        { customerId: { $regex: escapeRegex(q), $options: 'i' } },
        ...(digits.length >= 4 ? [{ primaryPhone: { $regex: digits } }] : []),
      ],
    },
    { customerId: 1 },
  ).lean();
  return new Set(found.map((c) => c.customerId));
}

/** Sites where an outage is happening now (not resolved; maintenance counts once it has started). */
async function activeIncidentSites(ctx: TicketContext, now: Date): Promise<Set<string>> {
  const incidents = await IncidentModel.find(
    { tenantId: ctx.tenant._id, status: { $ne: 'resolved' } },
    { kind: 1, affectedSiteIds: 1, scheduledStart: 1 },
  ).lean();
  return new Set(
    incidents
      .filter((i) => i.kind !== 'maintenance' || (i.scheduledStart && i.scheduledStart <= now))
      .flatMap((i) => i.affectedSiteIds),
  );
}

function statusesWanted(query: TDeskQueueQuery): readonly TTicketStatus[] | null {
  if (query.status) return [query.status];
  if (query.group === 'open') return OPEN_TICKET_STATUSES;
  if (query.group === 'closed') return CLOSED_TICKET_STATUSES;
  return null;
}

const SORTS: Record<TDeskQueueQuery['sort'], (a: Row, b: Row) => number> = {
  newest: (a, b) => b.createdAt.getTime() - a.createdAt.getTime(),
  oldest: (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  customer: (a, b) =>
    (b.lastCustomerMessageAt?.getTime() ?? 0) - (a.lastCustomerMessageAt?.getTime() ?? 0) ||
    b.lastActivityAt.getTime() - a.lastActivityAt.getTime(),
  priority: (a, b) =>
    (PRIORITY_RANK[b.priority] ?? 0) - (PRIORITY_RANK[a.priority] ?? 0) ||
    a.createdAt.getTime() - b.createdAt.getTime(),
  due: (a, b) => dueRank(a) - dueRank(b) || a.createdAt.getTime() - b.createdAt.getTime(),
};

/** Running clocks by minutes left, then paused ones by minutes left, then tickets without a clock. */
function dueRank(t: Row): number {
  if (!t.sla) return Number.MAX_SAFE_INTEGER;
  return t.sla.dueInMinutes + (t.sla.paused ? 1e9 : 0);
}

/**
 * The desk's queue: one page of rows plus every built-in view's count, from ONE read of the tenant's
 * tickets (on FerretDB every filtered read scans the collection, so one read for everything beats a
 * read per count). When the page only asks for open or recent work, the read is limited to open
 * tickets and those resolved in the last week, which is also all the counts need; on MongoDB that read
 * uses the tenant/status and tenant/resolvedAt indexes. A search reads the matching customers
 * alongside; the page's customers and this staff member's read marks follow in one parallel round.
 */
export async function listQueue(ctx: TicketContext, query: TDeskQueueQuery): Promise<TDeskQueuePage> {
  const { actor } = await requireAccess(ctx, 'ticket.list');
  const me = actor.kind === 'staff' ? actor.email : '';
  const now = new Date();
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const statuses = statusesWanted(query);
  const onlyRecent =
    (query.view && query.view !== 'resolved') || (statuses !== null && statuses.every((s) => isOpen(s)));
  const recentOrOpen = {
    $or: [
      { status: { $in: [...OPEN_TICKET_STATUSES] } },
      { resolvedAt: { $gte: weekAgo } },
      { closedAt: { $gte: weekAgo } },
    ],
  };
  // The SLA targets are read beside the rows (not after them): one round of reads fewer in sequence.
  const [read, searched, incidentSites, targets] = await Promise.all([
    TicketModel.find(
      { tenantId: ctx.tenant._id, ...(onlyRecent || query.view === 'resolved' ? recentOrOpen : {}) },
      ROW_FIELDS,
    )
      .batchSize(WHOLE_RESULT_BATCH)
      .lean<Row[]>(),
    query.q ? customersMatching(ctx, query.q) : null,
    query.incident ? activeIncidentSites(ctx, now) : null,
    slaTargetsOf(ctx.tenant),
  ]);
  const tickets = await queueClocks(ctx.tenant, read, now, targets);

  const assignee = query.assignee === 'me' ? me : (query.assignee ?? query.assignedTo);
  const createdSince = query.created ? startOfTodayIn(ctx.tenant.timezone, now) : null;
  const olderThan = query.age ? new Date(now.getTime() - AGE_DAYS[query.age] * DAY_MS) : null;
  const q = query.q?.toLowerCase();
  const matches = (t: Row) =>
    (!query.view || inView(query.view, t, me, weekAgo)) &&
    (!statuses || statuses.includes(t.status as TTicketStatus)) &&
    (!query.priority || t.priority === query.priority) &&
    (!query.category || t.category === query.category) &&
    (!assignee || (assignee === 'none' ? !t.assignedTo : t.assignedTo === assignee)) &&
    (!query.site || t.siteId === query.site) &&
    (!query.customerId || t.customerId === query.customerId) &&
    (!createdSince || t.createdAt >= createdSince) &&
    (!olderThan || t.createdAt < olderThan) &&
    (!incidentSites || Boolean(t.siteId && incidentSites.has(t.siteId))) &&
    (!q ||
      t.ticketNumber.toLowerCase().includes(q) ||
      t.title.toLowerCase().includes(q) ||
      Boolean(searched?.has(t.customerId)));

  const matched = tickets
    .filter(matches)
    .sort((a, b) => SORTS[query.sort](a, b) || (String(a._id) < String(b._id) ? 1 : -1));
  const page = matched.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const views = Object.fromEntries(
    DESK_VIEWS.map((v) => [v, tickets.filter((t) => inView(v, t, me, weekAgo)).length]),
  ) as TDeskQueuePage['views'];

  const [customers, reads] = page.length
    ? await Promise.all([
        CustomerModel.find(
          { tenantId: ctx.tenant._id, customerId: { $in: [...new Set(page.map((t) => t.customerId))] } },
          { customerId: 1, firstName: 1, lastName: 1 },
        ).lean(),
        TicketStaffReadModel.find(
          { tenantId: ctx.tenant._id, staffEmail: me, workOrderId: { $in: page.map((t) => t._id) } },
          { workOrderId: 1, readAt: 1 },
        ).lean(),
      ])
    : [[], []];
  const nameOf = new Map(customers.map((c) => [c.customerId, `${c.firstName} ${c.lastName}`]));
  const readAt = new Map(reads.map((r) => [String(r.workOrderId), r.readAt]));
  const tenantId = String(ctx.tenant._id);
  return {
    items: page.map((t) => {
      const seen = readAt.get(String(t._id));
      return {
        ...toStaffTicketSummary(t as unknown as TTicketDoc),
        customerName: nameOf.get(t.customerId) ?? null,
        siteId: t.siteId ?? null,
        lastCustomerMessageAt: t.lastCustomerMessageAt ? t.lastCustomerMessageAt.toISOString() : null,
        unread: Boolean(t.lastCustomerMessageAt && (!seen || t.lastCustomerMessageAt > seen)),
        viewers: viewersOf(tenantId, String(t._id), me),
        sla: t.sla,
      };
    }),
    page: query.page,
    pageSize: query.pageSize,
    total: matched.length,
    views,
  };
}

/** Notes that this staff member has seen the ticket as it is now (the queue's unread mark clears). */
export async function markOpenedByStaff(ctx: TicketContext, ticket: Pick<TTicketDoc, '_id'>): Promise<void> {
  if (ctx.actor.kind !== 'staff') return;
  const _id = `${String(ticket._id)}:${ctx.actor.email}`;
  const set = { tenantId: ctx.tenant._id, workOrderId: ticket._id, staffEmail: ctx.actor.email, readAt: new Date() };
  try {
    await TicketStaffReadModel.updateOne({ _id }, { $set: set }, { upsert: true });
  } catch {
    // Two tabs opening the ticket at once may both try to create the row; the other one did.
    await TicketStaffReadModel.updateOne({ _id }, { $set: set });
  }
}

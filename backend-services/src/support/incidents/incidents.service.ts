import {
  OUTAGE_TICKET_CATEGORIES,
  ZObjectId,
  type TCreateIncidentRequest,
  type TIncidentStatus,
  type TIncidentUpdateRequest,
  type TIntakeResponse,
  type TStaffIncident,
  type TStatusPage,
} from '@wisp/shared';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import { requireAccess, requireOwnCustomer, type AccessContext } from '../../platform/access/access.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { isDuplicateKeyError } from '../../platform/db/mongo.ts';
import { isFeatureEnabled } from '../../platform/access/features.ts';
import { IncidentModel, IncidentUpdateClaimModel, type TIncidentDoc } from './incident.model.ts';
import { IncidentSubscriptionModel } from './incident-subscription.model.ts';
import { toIncidentSummary, toPublicIncident, toStaffIncident } from './incidents.views.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { TicketContext } from '../../tickets/ticket-context.ts';
import { deliverIncidentUpdate } from './incident-fanout.ts';
import { countLinkedTickets } from './incident-links.service.ts';
import { staffActorOfContext } from './incident-actor.ts';

export const RECENTLY_RESOLVED_DAYS = 14;
const DAY = 24 * 60 * 60 * 1000;

/** An outage that is not resolved, or maintenance inside its window that is not resolved. */
export function isActiveIncident(incident: TIncidentDoc, now: Date): boolean {
  if (incident.status === 'resolved') return false;
  if (incident.kind !== 'maintenance') return true;
  const start = incident.scheduledStart?.getTime();
  const end = incident.scheduledEnd?.getTime();
  return start !== undefined && end !== undefined && start <= now.getTime() && now.getTime() < end;
}

const newestFirst = (a: TIncidentDoc, b: TIncidentDoc) => (b.startedAt?.getTime() ?? 0) - (a.startedAt?.getTime() ?? 0);

export async function activeIncidentsAtSite(
  tenant: TTenantDoc,
  siteId: string | null | undefined,
  now = new Date(),
): Promise<TIncidentDoc[]> {
  if (!siteId) return [];
  const open = await IncidentModel.find({
    tenantId: tenant._id,
    status: { $ne: 'resolved' },
    affectedSiteIds: siteId,
  }).lean<TIncidentDoc[]>();
  return open.filter((i) => isActiveIncident(i, now)).sort(newestFirst);
}

/** The tenant's public status page: current, planned, and resolved in the last two weeks. */
export async function getStatusPage(tenant: TTenantDoc, now = new Date()): Promise<TStatusPage> {
  const since = new Date(now.getTime() - RECENTLY_RESOLVED_DAYS * DAY);
  const incidents = await IncidentModel.find({
    tenantId: tenant._id,
    $or: [{ status: { $ne: 'resolved' } }, { resolvedAt: { $gte: since } }],
  }).lean<TIncidentDoc[]>();
  const current = incidents.filter((i) => isActiveIncident(i, now)).sort(newestFirst);
  const planned = incidents
    .filter(
      (i) => i.kind === 'maintenance' && i.status !== 'resolved' && (i.scheduledStart?.getTime() ?? 0) > now.getTime(),
    )
    .sort((a, b) => a.scheduledStart!.getTime() - b.scheduledStart!.getTime());
  const resolved = incidents
    .filter((i) => i.status === 'resolved' && i.resolvedAt && i.resolvedAt.getTime() >= since.getTime())
    .sort((a, b) => b.resolvedAt!.getTime() - a.resolvedAt!.getTime());
  return {
    current: current.map(toPublicIncident),
    plannedMaintenance: planned.map(toPublicIncident),
    recentlyResolved: resolved.map(toPublicIncident),
    recentDays: RECENTLY_RESOLVED_DAYS,
  };
}

/**
 * For the new-ticket page: a known, active outage at the customer's site when the chosen category is
 * one an outage explains. Null otherwise, and null when the tenant switched the status page off (the
 * ticket form then simply continues).
 */
export async function outageForTicketIntake(
  ctx: AccessContext,
  category: string,
  now = new Date(),
): Promise<TIntakeResponse> {
  const { tenant } = ctx;
  const customer = await requireOwnCustomer(ctx, 'service.read');
  if (!(OUTAGE_TICKET_CATEGORIES as readonly string[]).includes(category)) return { incident: null };
  if (!isFeatureEnabled(tenant, 'enableServiceStatus')) return { incident: null };
  const [incident] = await activeIncidentsAtSite(tenant, customer.siteId, now);
  if (!incident) return { incident: null };
  const subscribed = await IncidentSubscriptionModel.exists({
    tenantId: tenant._id,
    incidentId: incident._id,
    customerId: customer.customerId,
  });
  return { incident: { ...toIncidentSummary(incident), subscribed: Boolean(subscribed) } };
}

async function incidentOfTenant(tenant: TTenantDoc, incidentId: string): Promise<TIncidentDoc> {
  if (!ZObjectId.safeParse(incidentId).success) throw AppError.notFound();
  const incident = await IncidentModel.findOne({ _id: incidentId, tenantId: tenant._id }).lean<TIncidentDoc>();
  if (!incident) throw AppError.notFound();
  return incident;
}

/**
 * "I'm affected — keep me posted". Only for an active incident at the customer's own site (anything
 * else answers 404). Idempotent: the insert under the unique index is the dedupe.
 */
export async function subscribeToIncident(
  ctx: AccessContext,
  incidentId: string,
  now = new Date(),
): Promise<{ subscribed: true }> {
  const { tenant } = ctx;
  const customer = await requireOwnCustomer(ctx, 'incident.subscribe');
  const incident = await incidentOfTenant(tenant, incidentId);
  const affectsCustomer = !!customer.siteId && (incident.affectedSiteIds ?? []).includes(customer.siteId);
  if (!affectsCustomer || !isActiveIncident(incident, now)) throw AppError.notFound();
  try {
    await IncidentSubscriptionModel.create({
      tenantId: tenant._id,
      incidentId: incident._id,
      customerId: customer.customerId,
    });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
  return { subscribed: true };
}

export async function listIncidentsForStaff(ctx: AccessContext): Promise<TStaffIncident[]> {
  await requireAccess(ctx, 'incident.list');
  const { tenant } = ctx;
  const incidents = await IncidentModel.find({ tenantId: tenant._id })
    .sort({ createdAt: -1 })
    .limit(100)
    .lean<TIncidentDoc[]>();
  const subscriptions = await IncidentSubscriptionModel.find({
    tenantId: tenant._id,
    incidentId: { $in: incidents.map((i) => i._id) },
  })
    .select('incidentId')
    .lean();
  const counts = new Map<string, number>();
  for (const s of subscriptions) counts.set(String(s.incidentId), (counts.get(String(s.incidentId)) ?? 0) + 1);
  const linked = await countLinkedTickets(
    tenant,
    incidents.map((i) => i._id),
  );
  return incidents.map((i) => toStaffIncident(i, counts.get(String(i._id)) ?? 0, linked.get(String(i._id)) ?? 0));
}

export async function createIncident(
  ctx: AccessContext,
  input: TCreateIncidentRequest,
  now = new Date(),
): Promise<TStaffIncident> {
  await requireAccess(ctx, 'incident.create');
  const { tenant } = ctx;
  const scheduledStart = input.scheduledStart ? new Date(input.scheduledStart) : undefined;
  const startedAt = input.startedAt ? new Date(input.startedAt) : input.kind === 'maintenance' ? scheduledStart : now;
  const doc = await IncidentModel.create({
    tenantId: tenant._id,
    kind: input.kind,
    title: input.title,
    status: input.status,
    affectedSiteIds: input.affectedSiteIds,
    affectedAreas: input.affectedAreas,
    updates: [{ at: now, status: input.status, message: input.message }],
    startedAt,
    ...(input.status === 'resolved' ? { resolvedAt: now } : {}),
    ...(scheduledStart ? { scheduledStart } : {}),
    ...(input.scheduledEnd ? { scheduledEnd: new Date(input.scheduledEnd) } : {}),
    ...(input.eta ? { eta: new Date(input.eta) } : {}),
  });
  await IncidentUpdateClaimModel.create({
    _id: `${String(doc._id)}:0`,
    incidentId: doc._id,
    index: 0,
    at: now,
    status: input.status,
    message: input.message,
    claimedAt: now,
  });
  await recordAudit(staffActorOfContext(ctx), 'incident.create', {
    kind: 'incident',
    id: String(doc._id),
    label: input.title,
  });
  return toStaffIncident(doc.toObject() as TIncidentDoc, 0);
}

type TimelineEntry = { at: Date; status: TIncidentStatus; message: string };

/** Takes the next free update index by inserting the update under it: concurrent updates never share one. */
async function claimUpdateIndex(incident: TIncidentDoc, entry: TimelineEntry, now: Date): Promise<number> {
  for (let index = incident.updates?.length ?? 0, tries = 0; tries < 20; index++, tries++) {
    try {
      await IncidentUpdateClaimModel.create({
        _id: `${String(incident._id)}:${index}`,
        incidentId: incident._id,
        index,
        ...entry,
        claimedAt: now,
      });
      return index;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }
  throw new AppError('CONFLICT', 409, 'Another update is being posted. Please try again.');
}

/**
 * Rewrites the incident's embedded timeline (and its status, from the newest entry) from the update
 * documents, until a re-read shows every one claimed so far. A concurrent writer may overwrite our write
 * with an older picture; every writer checks after its own write, so the last one leaves it complete.
 */
async function syncTimeline(
  tenant: TTenantDoc,
  incident: TIncidentDoc,
  eta: Date | null,
  now: Date,
): Promise<TIncidentDoc> {
  let current = incident;
  for (let attempt = 0; attempt < 10; attempt++) {
    const claimed = await IncidentUpdateClaimModel.find({ incidentId: incident._id }).lean();
    const byIndex = new Map<number, TimelineEntry>();
    // Updates written before update documents existed (e.g. seeded ones) keep their place.
    current.updates.forEach((u, i) =>
      byIndex.set(i, { at: u.at, status: u.status as TIncidentStatus, message: u.message }),
    );
    for (const c of claimed)
      if (typeof c.index === 'number' && c.at && c.message)
        byIndex.set(c.index, { at: c.at, status: c.status as TIncidentStatus, message: c.message });
    const timeline = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, e]) => e);
    const status = timeline[timeline.length - 1]!.status;
    await IncidentModel.updateOne(
      { _id: incident._id, tenantId: tenant._id },
      {
        $set: {
          updates: timeline,
          status,
          ...(status === 'resolved' ? { resolvedAt: current.resolvedAt ?? now } : {}),
          ...(eta ? { eta } : {}),
        },
        ...(status !== 'resolved' || !eta
          ? { $unset: { ...(status !== 'resolved' ? { resolvedAt: 1 } : {}), ...(!eta ? { eta: 1 } : {}) } }
          : {}),
      },
    );
    current = await incidentOfTenant(tenant, String(incident._id));
    // Done only when the copy holds every update claimed by now: a writer that read the claims before
    // ours may have written its shorter picture over ours, and then it is for us to write again.
    const latest = await IncidentUpdateClaimModel.find({ incidentId: incident._id }, { index: 1 }).lean();
    const expected = Math.max(timeline.length, ...latest.map((c) => (typeof c.index === 'number' ? c.index + 1 : 0)));
    if (current.updates.length >= expected) return current;
  }
  return current;
}

/**
 * Appends an update (status moves with it) and delivers it: a public reply on every linked ticket and
 * one email to each affected customer (subscribers and ticket holders), through the outbox. An update
 * that resolves the incident resolves its linked tickets.
 */
export async function addIncidentUpdate(
  ctx: TicketContext,
  incidentId: string,
  input: TIncidentUpdateRequest,
  now = new Date(),
): Promise<TStaffIncident & { updateIndex: number; delivered: { replies: number; emails: number } }> {
  await requireAccess(ctx, 'incident.update');
  const { tenant } = ctx;
  const incident = await incidentOfTenant(tenant, incidentId);
  const status: TIncidentStatus = input.status;
  const entry: TimelineEntry = { at: now, status, message: input.message };
  const index = await claimUpdateIndex(incident, entry, now);
  const eta = input.eta === undefined ? (incident.eta ?? null) : input.eta === null ? null : new Date(input.eta);
  const updated = await syncTimeline(tenant, incident, eta, now);
  const delivered = await deliverIncidentUpdate(ctx, updated, { index, status, message: input.message, eta }, now);
  await recordAudit(
    staffActorOfContext(ctx),
    'incident.update',
    { kind: 'incident', id: String(incident._id), label: incident.title },
    `update ${index}: ${status} (${delivered.replies} replies, ${delivered.emails} emails)`,
  );
  const [subscriberCount, linked] = await Promise.all([
    IncidentSubscriptionModel.countDocuments({ tenantId: tenant._id, incidentId: incident._id }),
    countLinkedTickets(tenant, [incident._id]),
  ]);
  return {
    ...toStaffIncident(updated, subscriberCount, linked.get(String(incident._id)) ?? 0),
    updateIndex: index,
    delivered,
  };
}

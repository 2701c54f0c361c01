import mongoose from 'mongoose';
import { OPEN_TICKET_STATUSES, type TSlaTargets, type TTicketSla } from '@wisp/shared';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { IncidentModel } from '../support/incidents/incident.model.ts';
import { businessCalendar, slaOf, type SlaTicket } from './sla-clock.ts';
import { slaTargetsOf } from './sla-policy.service.ts';

const DAY = 24 * 60 * 60 * 1000;
/** How far ahead the calendar goes to say when a ticket falls due. */
const LOOKAHEAD_DAYS = 30;

/** A ticket as the queue reads it; the links are typed here so this works before and after the outages merge. */
export type ClockedRow = SlaTicket & { _id: unknown; sla?: TTicketSla | null };
type IncidentLink = NonNullable<SlaTicket['incidentLinks']>[number];

const isOpen = (s: string) => (OPEN_TICKET_STATUSES as readonly string[]).includes(s);

/** The desk's "breaching soon": open, its clock running, due within the next business hour or overdue. */
export const isBreachingSoon = (t: { status: string; sla?: TTicketSla | null }) =>
  isOpen(t.status) && Boolean(t.sla && !t.sla.paused && t.sla.dueInMinutes <= 60);
const openLinksOf = (t: ClockedRow): IncidentLink[] => (t.incidentLinks ?? []).filter((l) => !l.unlinkedAt);

/**
 * When each incident a still-open link points at was resolved (missing: not resolved). Read by `_id`
 * alone and checked against the tenant here; only asked when some open ticket has an open link.
 */
async function incidentResolvedAt(tenant: Pick<TTenantDoc, '_id'>, rows: ClockedRow[]): Promise<Map<string, Date>> {
  const ids = [...new Set(rows.flatMap((t) => openLinksOf(t).map((l) => String(l.incidentId))))].filter((id) =>
    mongoose.isValidObjectId(id),
  );
  if (ids.length === 0) return new Map();
  const incidents = await IncidentModel.find({ _id: { $in: ids } }, { tenantId: 1, resolvedAt: 1 }).lean();
  return new Map(
    incidents
      .filter((i) => String(i.tenantId) === String(tenant._id) && i.resolvedAt)
      .map((i) => [String(i._id), i.resolvedAt as Date]),
  );
}

/**
 * Puts the SLA clock on every open row (null on closed ones), for the queue's column, its `due` sort
 * and the breaching view: one read of the tenant's targets by `_id` (or the targets the caller read
 * alongside its rows, saving a round trip in sequence), one business calendar for all.
 */
export async function queueClocks<T extends ClockedRow>(
  tenant: Pick<TTenantDoc, '_id' | 'timezone' | 'weeklySupportHours'>,
  rows: T[],
  now: Date,
  knownTargets?: TSlaTargets,
): Promise<(T & { sla: TTicketSla | null })[]> {
  const open = rows.filter((t) => isOpen(t.status));
  if (open.length === 0) return rows.map((t) => ({ ...t, sla: null }));
  const [targets, resolvedAt] = await Promise.all([
    knownTargets ?? slaTargetsOf(tenant),
    incidentResolvedAt(tenant, open),
  ]);
  const earliest = new Date(Math.min(...open.map((t) => t.createdAt.getTime())));
  const hours = (tenant.weeklySupportHours ?? []).map((w) => ({
    day: w.day ?? -1,
    opens: w.opens ?? '',
    closes: w.closes ?? '',
  }));
  const calendar = businessCalendar(hours, tenant.timezone, earliest, new Date(now.getTime() + LOOKAHEAD_DAYS * DAY));
  return rows.map((t) => ({ ...t, sla: isOpen(t.status) ? slaOf(t, targets, calendar, now, resolvedAt) : null }));
}

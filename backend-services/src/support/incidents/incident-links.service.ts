import { Types } from 'mongoose';
import {
  OPEN_TICKET_STATUSES,
  OUTAGE_TICKET_CATEGORIES,
  type TIncidentTicket,
  type TIncidentTicketsResponse,
  type TLinkTicketsRequest,
  type TLinkTicketsResponse,
  type TSupportSites,
} from '@wisp/shared';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import { requireAccess, type AccessContext } from '../../platform/access/access.ts';
import { staffActorOfContext } from './incident-actor.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { CustomerModel } from '../../customers/customer.model.ts';
import { TicketModel, type TTicketDoc } from '../../tickets/ticket.model.ts';
import { publishStaffEvent } from '../../tickets/ticket-events.ts';
import { IncidentModel, type TIncidentDoc } from './incident.model.ts';
import { IncidentTicketLinkModel, type TIncidentTicketLinkDoc } from './incident-link.model.ts';
import { insertEach } from '../../platform/db/insert-each.ts';
import { activeIncidentsAtSite } from './incidents.service.ts';

type LinkDoc = TIncidentTicketLinkDoc & { _id: string };

const isOpen = (t: Pick<TTicketDoc, 'status'>) => (OPEN_TICKET_STATUSES as readonly string[]).includes(t.status);
const isOutageCategory = (c: string) => (OUTAGE_TICKET_CATEGORIES as readonly string[]).includes(c);

function toIncidentTicket(t: TTicketDoc): TIncidentTicket {
  return {
    id: String(t._id),
    ticketNumber: t.ticketNumber,
    title: t.title,
    customerId: t.customerId,
    category: t.category,
    status: t.status,
    siteId: t.siteId ?? null,
    createdAt: t.createdAt.toISOString(),
  };
}

/** The incident by `_id` alone (FerretDB's cheap read), tenant checked here: anything else is 404. */
export async function incidentOfTenant(tenant: TTenantDoc, incidentId: string): Promise<TIncidentDoc> {
  if (!Types.ObjectId.isValid(incidentId) || String(new Types.ObjectId(incidentId)) !== incidentId.toLowerCase())
    throw AppError.notFound();
  const incident = await IncidentModel.findById(incidentId).lean<TIncidentDoc>();
  if (!incident || String(incident.tenantId) !== String(tenant._id)) throw AppError.notFound();
  return incident;
}

/** Every link document of these tickets (current and past). */
async function linksOfTickets(tenant: TTenantDoc, ticketIds: Types.ObjectId[]): Promise<LinkDoc[]> {
  if (!ticketIds.length) return [];
  return IncidentTicketLinkModel.find({ tenantId: tenant._id, ticketId: { $in: ticketIds } }).lean<LinkDoc[]>();
}

/** The tickets linked to the incident now. */
export async function currentLinksOf(tenant: TTenantDoc, incidentId: Types.ObjectId): Promise<LinkDoc[]> {
  const links = await IncidentTicketLinkModel.find({ tenantId: tenant._id, incidentId }).lean<LinkDoc[]>();
  return links.filter((l) => !l.unlinkedAt);
}

export async function countLinkedTickets(tenant: TTenantDoc, incidentIds: Types.ObjectId[]) {
  const links = incidentIds.length
    ? await IncidentTicketLinkModel.find({ tenantId: tenant._id, incidentId: { $in: incidentIds } })
        .select('incidentId unlinkedAt')
        .lean()
    : [];
  const counts = new Map<string, number>();
  for (const l of links)
    if (!l.unlinkedAt) counts.set(String(l.incidentId), (counts.get(String(l.incidentId)) ?? 0) + 1);
  return counts;
}

/**
 * Open tickets in the outage categories from customers at the incident's sites (the site on the
 * ticket, or the customer's site now), that no incident holds.
 */
async function candidatesFor(tenant: TTenantDoc, incident: TIncidentDoc): Promise<TTicketDoc[]> {
  const sites = incident.affectedSiteIds ?? [];
  if (!sites.length) return [];
  const [tickets, customers] = await Promise.all([
    TicketModel.find({
      tenantId: tenant._id,
      status: { $in: [...OPEN_TICKET_STATUSES] },
      category: { $in: [...OUTAGE_TICKET_CATEGORIES] },
    }).lean<TTicketDoc[]>(),
    CustomerModel.find({ tenantId: tenant._id, siteId: { $in: sites } })
      .select('customerId')
      .lean(),
  ]);
  const atSite = new Set(customers.map((c) => c.customerId));
  const affected = tickets.filter((t) => (t.siteId && sites.includes(t.siteId)) || atSite.has(t.customerId));
  const links = await linksOfTickets(
    tenant,
    affected.map((t) => t._id),
  );
  const held = new Set(links.filter((l) => !l.unlinkedAt).map((l) => String(l.ticketId)));
  return affected.filter((t) => !held.has(String(t._id))).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Staff: the incident's linked tickets, and the open ones at its sites that could be linked. */
export async function listIncidentTickets(ctx: AccessContext, incidentId: string): Promise<TIncidentTicketsResponse> {
  await requireAccess(ctx, 'incident.tickets');
  const { tenant } = ctx;
  const incident = await incidentOfTenant(tenant, incidentId);
  const links = await currentLinksOf(tenant, incident._id);
  const [candidates, linkedTickets] = await Promise.all([
    incident.status === 'resolved' ? [] : candidatesFor(tenant, incident),
    links.length
      ? TicketModel.find({ _id: { $in: links.map((l) => l.ticketId) } }).lean<TTicketDoc[]>()
      : ([] as TTicketDoc[]),
  ]);
  const linkedAt = new Map(links.map((l) => [String(l.ticketId), l.linkedAt]));
  return {
    candidateCount: candidates.length,
    candidates: candidates.slice(0, 500).map(toIncidentTicket),
    linked: linkedTickets
      .filter((t) => String(t.tenantId) === String(tenant._id))
      .map((t) => ({ ...toIncidentTicket(t), linkedAt: linkedAt.get(String(t._id))!.toISOString() })),
  };
}

/**
 * Links each ticket to the incident unless some incident holds it already. The insert of the link
 * document under `<ticketId>:<n>` decides: of parallel requests linking one ticket, one wins. Returns
 * the links this call made.
 */
async function linkTicketsOnce(
  tenant: TTenantDoc,
  incident: TIncidentDoc,
  tickets: TTicketDoc[],
  linkedBy: string,
  now: Date,
): Promise<LinkDoc[]> {
  const links = await linksOfTickets(
    tenant,
    tickets.map((t) => t._id),
  );
  const byTicket = new Map<string, LinkDoc[]>();
  for (const l of links) byTicket.set(String(l.ticketId), [...(byTicket.get(String(l.ticketId)) ?? []), l]);
  const docs: LinkDoc[] = tickets
    .filter((t) => !(byTicket.get(String(t._id)) ?? []).some((l) => !l.unlinkedAt))
    .map((t) => ({
      _id: `${String(t._id)}:${(byTicket.get(String(t._id)) ?? []).length}`,
      tenantId: tenant._id,
      incidentId: incident._id,
      ticketId: t._id,
      customerId: t.customerId,
      linkedAt: now,
      linkedBy,
    }));
  const made = await insertEach(IncidentTicketLinkModel, docs);
  await copyLinksToTickets(
    tenant,
    made.map((l) => l.ticketId),
  );
  return made;
}

/**
 * Rewrites `incidentId` and `incidentLinks` on the tickets from their link documents, and checks them
 * again: on FerretDB a concurrent write to a ticket can undo ours (updates are read-modify-write).
 */
export async function copyLinksToTickets(tenant: TTenantDoc, ticketIds: Types.ObjectId[]): Promise<void> {
  let pending = ticketIds;
  for (let round = 0; pending.length && round < 5; round++) {
    const links = await linksOfTickets(tenant, pending);
    const want = new Map<
      string,
      { current?: string; history: { incidentId: string; linkedAt: Date; unlinkedAt?: Date }[] }
    >();
    for (const id of pending) want.set(String(id), { history: [] });
    for (const l of [...links].sort((a, b) => a.linkedAt.getTime() - b.linkedAt.getTime())) {
      const w = want.get(String(l.ticketId))!;
      w.history.push({
        incidentId: String(l.incidentId),
        linkedAt: l.linkedAt,
        ...(l.unlinkedAt ? { unlinkedAt: l.unlinkedAt } : {}),
      });
      if (!l.unlinkedAt) w.current = String(l.incidentId);
    }
    const tickets = await TicketModel.find({ _id: { $in: pending } })
      .select('incidentId incidentLinks tenantId')
      .lean();
    const stale = tickets.filter((t) => {
      const w = want.get(String(t._id))!;
      return (
        String(t.tenantId) === String(tenant._id) &&
        ((t.incidentId ?? undefined) !== w.current ||
          (t.incidentLinks ?? []).length !== w.history.length ||
          (t.incidentLinks ?? []).some((h, i) => Boolean(h.unlinkedAt) !== Boolean(w.history[i]!.unlinkedAt)))
      );
    });
    // Tickets wanting the same copy (a bulk link: all of them) take one updateMany: hundreds of
    // concurrent single updates lock FerretDB's SQLite (SQLITE_BUSY).
    const groups = new Map<string, Types.ObjectId[]>();
    for (const t of stale) {
      const key = JSON.stringify(want.get(String(t._id)));
      groups.set(key, [...(groups.get(key) ?? []), t._id]);
    }
    for (const ids of groups.values()) {
      const w = want.get(String(ids[0]))!;
      await TicketModel.updateMany(
        { _id: { $in: ids }, tenantId: tenant._id },
        w.current
          ? { $set: { incidentId: w.current, incidentLinks: w.history } }
          : { $set: { incidentLinks: w.history }, $unset: { incidentId: 1 } },
      );
    }
    pending = stale.map((t) => t._id);
  }
}

/** Staff link all candidates, or the chosen tickets (any open ticket of the tenant), to an open incident. */
export async function linkTickets(
  ctx: AccessContext,
  incidentId: string,
  input: TLinkTicketsRequest,
  now = new Date(),
): Promise<TLinkTicketsResponse> {
  await requireAccess(ctx, 'incident.link');
  const actor = staffActorOfContext(ctx);
  const { tenant } = ctx;
  const incident = await incidentOfTenant(tenant, incidentId);
  if (incident.status === 'resolved')
    throw new AppError('CONFLICT', 409, 'This incident is resolved: tickets can no longer be linked to it.');
  let wanted: TTicketDoc[];
  if ('all' in input) wanted = await candidatesFor(tenant, incident);
  else {
    const ids = [...new Set(input.ticketIds.map((id) => id.toLowerCase()))];
    const found = await TicketModel.find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } }).lean<
      TTicketDoc[]
    >();
    const ours = found.filter((t) => String(t.tenantId) === String(tenant._id));
    if (ours.length !== ids.length) throw AppError.notFound('No such ticket.');
    wanted = ours.filter(isOpen);
  }
  const made = await linkTicketsOnce(tenant, incident, wanted, actor.email, now);
  if (made.length) {
    await recordAudit(
      actor,
      'incident.link',
      { kind: 'incident', id: String(incident._id), label: incident.title },
      `${made.length} ticket${made.length === 1 ? '' : 's'} linked`,
    );
    for (const l of made)
      publishStaffEvent(String(tenant._id), {
        type: 'ticket.changed',
        ticketId: String(l.ticketId),
        fields: ['incident'],
      });
  }
  const requested = 'all' in input ? wanted.length : input.ticketIds.length;
  return { linked: made.length, skipped: requested - made.length };
}

/**
 * The portal's outage-aware intake: a ticket in an outage category, filed while an incident is active
 * at the customer's site, links itself to the newest such incident.
 */
export async function linkNewTicketToActiveIncident(tenant: TTenantDoc, ticket: TTicketDoc): Promise<void> {
  if (!isOutageCategory(ticket.category) || !ticket.siteId) return;
  const [incident] = await activeIncidentsAtSite(tenant, ticket.siteId);
  if (!incident) return;
  await linkTicketsOnce(tenant, incident, [ticket], 'system', new Date());
}

/** A customer reopened the ticket: their line is still down, so it leaves the incident and goes back to the queue. */
export async function unlinkTicket(tenant: TTenantDoc, ticketId: Types.ObjectId, now = new Date()): Promise<boolean> {
  const links = await linksOfTickets(tenant, [ticketId]);
  const current = links.filter((l) => !l.unlinkedAt);
  if (!current.length) return false;
  await IncidentTicketLinkModel.updateMany(
    { _id: { $in: current.map((l) => l._id) }, tenantId: tenant._id },
    { $set: { unlinkedAt: now } },
  );
  await copyLinksToTickets(tenant, [ticketId]);
  return true;
}

/** Staff pick affected sites from the sites the tenant's customers are at, with how many are at each. */
export async function listSites(ctx: AccessContext): Promise<TSupportSites> {
  await requireAccess(ctx, 'incident.list');
  const customers = await CustomerModel.find({ tenantId: ctx.tenant._id, siteId: { $exists: true } })
    .select('siteId')
    .lean();
  const counts = new Map<string, number>();
  for (const c of customers) if (c.siteId) counts.set(c.siteId, (counts.get(c.siteId) ?? 0) + 1);
  return {
    sites: [...counts]
      .map(([siteId, n]) => ({ siteId, customers: n }))
      .sort((a, b) => a.siteId.localeCompare(b.siteId)),
  };
}

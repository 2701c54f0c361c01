import type { Request, RequestHandler, Response } from 'express';
import { Types } from 'mongoose';
import { AppError } from '../http/app-error.ts';
import { isReadOnlyActor, type Actor, type CustomerActor, type StaffActor } from '../auth/actor.ts';
import type { TTenantDoc } from '../../tenants/tenant.model.ts';
import type { TCustomerDoc } from '../../customers/customer.model.ts';
import { findCustomerOrThrow } from '../../customers/customers.service.ts';
import { TicketModel, type TTicketDoc } from '../../tickets/ticket.model.ts';
import {
  isReadOnlyPermission,
  PERMISSIONS,
  reachOf,
  type Audience,
  type Permission,
  type Reach,
  type RouteAccess,
} from './permissions.ts';

/**
 * The one place that decides who may reach what, driven by the permission table. Routes declare the
 * permission they need (`allow`), and every service calls `requireAccess` first. Anything a caller may
 * not see answers 404, so existence is never confirmed; only a missing session answers 401.
 */
export type AccessContext = { tenant: TTenantDoc; actor?: Actor };

/** What the check granted: who, how far, and for `own` reach the session's customer. */
export type Grant = { actor: Actor; reach: Reach; customerId: string | null };

type TicketPermission = Extract<Permission, `ticket.${string}`>;
type CustomerPermission = Extract<Permission, `customer.${string}`>;

export function audienceOf(actor: Actor | undefined): Audience | undefined {
  if (!actor) return undefined;
  if (actor.kind === 'customer') return 'customer';
  return actor.role === 'admin' ? 'admin' : 'staff';
}

/** Whether the actor may do this at all in this tenant (no resource looked at). */
export function can(ctx: AccessContext, permission: Permission): boolean {
  return Boolean(
    ctx.actor && ctx.actor.tenantId === String(ctx.tenant._id) && reachOf(permission, audienceOf(ctx.actor)),
  );
}

/** A read-only actor may do what the table marks as a read, and nothing else: decided here, not in the pages. */
function refuseWriteByReadOnly(actor: Actor, permission: Permission): void {
  if (isReadOnlyActor(actor) && !isReadOnlyPermission(permission)) {
    throw new AppError('READ_ONLY', 403, 'You are viewing the portal as this customer: nothing can be changed.');
  }
}

function grantOf(ctx: AccessContext, permission: Permission): Grant {
  const actor = ctx.actor;
  if (!actor) throw AppError.unauthenticated();
  const reach = reachOf(permission, audienceOf(actor));
  if (!reach || actor.tenantId !== String(ctx.tenant._id)) throw AppError.notFound();
  refuseWriteByReadOnly(actor, permission);
  return { actor, reach, customerId: reach === 'own' && actor.kind === 'customer' ? actor.customerId : null };
}

/** A 24-hex ObjectId string as the app writes them (not any 12-byte string mongoose would accept). */
export const isObjectId = (id: string) =>
  Types.ObjectId.isValid(id) && String(new Types.ObjectId(id)) === id.toLowerCase();

/**
 * Tickets by `_id` alone (the one read FerretDB keeps cheap), then tenant and owner checked here:
 * one ticket the caller may not see makes the whole set 404.
 */
async function ticketsOf(ctx: AccessContext, grant: Grant, ids: readonly string[]): Promise<TTicketDoc[]> {
  const found = await Promise.all(
    ids.map((id) => (isObjectId(id) ? TicketModel.findById(id).lean<TTicketDoc>() : null)),
  );
  return found.map((ticket) => {
    if (!ticket || String(ticket.tenantId) !== String(ctx.tenant._id)) throw AppError.notFound('No such ticket.');
    if (grant.reach === 'own' && ticket.customerId !== grant.customerId) throw AppError.notFound('No such ticket.');
    return ticket;
  });
}

/** Customers by their customer ID, always inside the tenant. */
async function customersOf(ctx: AccessContext, grant: Grant, ids: readonly string[]): Promise<TCustomerDoc[]> {
  return Promise.all(
    ids.map(async (customerId) => {
      if (grant.reach === 'own' && customerId !== grant.customerId) throw AppError.notFound('No such customer.');
      return findCustomerOrThrow(ctx.tenant, customerId);
    }),
  );
}

/**
 * The access check every service calls first. Without ids it answers whether the actor may do this at
 * all; with ticket ids (for `ticket.*`) or customer IDs (for `customer.*`) it loads them by tenant and
 * returns them, or 404 when any one is out of the actor's reach.
 */
export function requireAccess(ctx: AccessContext, permission: Permission): Promise<Grant>;
export function requireAccess<const I extends readonly string[]>(
  ctx: AccessContext,
  permission: TicketPermission,
  ids: I,
): Promise<{ -readonly [K in keyof I]: TTicketDoc }>;
export function requireAccess<const I extends readonly string[]>(
  ctx: AccessContext,
  permission: CustomerPermission,
  ids: I,
): Promise<{ -readonly [K in keyof I]: TCustomerDoc }>;
export async function requireAccess(
  ctx: AccessContext,
  permission: Permission,
  ids?: readonly string[],
): Promise<Grant | TTicketDoc[] | TCustomerDoc[]> {
  const grant = grantOf(ctx, permission);
  if (!ids) return grant;
  if (permission.startsWith('ticket.')) return ticketsOf(ctx, grant, ids);
  if (permission.startsWith('customer.')) return customersOf(ctx, grant, ids);
  throw new Error(`requireAccess: ${permission} takes no ids`);
}

/** The session's customer for a permission of `own` reach; 404 for an actor whose reach is the tenant. */
export async function requireOwnAccess(
  ctx: AccessContext,
  permission: Permission,
): Promise<{ actor: CustomerActor; customerId: string }> {
  const grant = await requireAccess(ctx, permission);
  if (!grant.customerId || grant.actor.kind !== 'customer') throw AppError.notFound();
  return { actor: grant.actor, customerId: grant.customerId };
}

/** The session's own customer record, for a permission of `own` reach. */
export async function requireOwnCustomer(ctx: AccessContext, permission: Permission): Promise<TCustomerDoc> {
  const { customerId } = await requireOwnAccess(ctx, permission);
  return findCustomerOrThrow(ctx.tenant, customerId);
}

// ---- Route guards: each route declares what it needs; the route walk test reads these declarations.

function unauthenticated(res: Response) {
  return res.locals.sessionExpired
    ? new AppError('SESSION_EXPIRED', 401, 'Your session expired. Please sign in again.')
    : AppError.unauthenticated();
}

export type AccessGuard = RequestHandler & { routeAccess: RouteAccess };

/**
 * The route's declaration: `public`, or the permission it needs. Anonymous → 401, an audience the table
 * leaves out → 404; the resource checks follow in the service.
 */
export function allow(access: RouteAccess): AccessGuard {
  const guard: RequestHandler = (req, res, next) => {
    if (access !== 'public') {
      if (!req.actor) throw unauthenticated(res);
      if (!can({ tenant: req.tenant, actor: req.actor }, access)) throw AppError.notFound();
      refuseWriteByReadOnly(req.actor, access);
    }
    next();
  };
  return Object.assign(guard, { routeAccess: access });
}

/** Customer routes: the signed-in customer's own profile. */
export const requireCustomer = allow('account.read');
/** Any signed-in person of the tenant (customer, staff or admin). */
export const requireSignedIn = allow('session.end');

/**
 * The customer routes keep `:customerId` in their URLs for compatibility: for a customer it must be the
 * session's own id (anything else is 404); whether staff may use the route is the route's permission.
 */
export function customerPathGuard(param = 'customerId'): RequestHandler {
  return (req, res, next) => {
    if (!req.actor) throw unauthenticated(res);
    if (req.actor.kind === 'customer' && req.actor.customerId !== req.params[param]) throw AppError.notFound();
    next();
  };
}

export function customerActorOf(req: Request): CustomerActor {
  if (req.actor?.kind !== 'customer') throw AppError.unauthenticated();
  return req.actor;
}

export function staffActorOf(req: Request): StaffActor {
  if (req.actor?.kind !== 'staff') throw AppError.unauthenticated();
  return req.actor;
}

export { PERMISSIONS };

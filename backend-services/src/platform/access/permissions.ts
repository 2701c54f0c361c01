/**
 * THE permission table: for every action, which audience may do it and how far its reach goes.
 * `own`: only what belongs to the session's customer; `tenant`: anything of the session's tenant.
 * An audience that is missing may not do it: the answer is 404, as for something that does not exist.
 * The route walk (`access.api.test.ts`) iterates this table for every route × actor.
 */
export type Reach = 'own' | 'tenant';
export type Audience = 'customer' | 'staff' | 'admin';
type Rule = Partial<Record<Audience, Reach>>;

const everyone = { customer: 'own', staff: 'tenant', admin: 'tenant' } as const satisfies Rule;
const staffSide = { staff: 'tenant', admin: 'tenant' } as const satisfies Rule;
const customerOnly = { customer: 'own' } as const satisfies Rule;

export const PERMISSIONS = {
  /** The signed-in customer's own profile (`/me`), service page and intake check. */
  'account.read': customerOnly,
  'service.read': customerOnly,
  /** Sign out every device of the session's own account. */
  'session.end': everyone,

  // Tickets. The customer side lives under `/work-orders/customer/:customerId`, the staff side at the root.
  'ticket.list.own': customerOnly,
  'ticket.open.own': customerOnly,
  'ticket.events.own': customerOnly,
  'ticket.list': staffSide,
  'ticket.open': staffSide,
  /** A ticket's public side: what the customer sees (staff may open the customer's view too). */
  'ticket.read': everyone,
  /** The whole ticket, internal notes and internal files included. */
  'ticket.read.all': staffSide,
  /** A message in the customer's view: the customer's comment, or staff answering publicly there. */
  'ticket.comment': everyone,
  'ticket.upload': everyone,
  'ticket.reply': staffSide,
  'ticket.note': staffSide,
  'ticket.status': staffSide,
  'ticket.assign': staffSide,
  'ticket.close': customerOnly,
  'ticket.reopen': customerOnly,
  'ticket.rate': customerOnly,
  'ticket.markRead': customerOnly,

  // Customers, as staff manage them.
  'customer.invite': staffSide,
  'customer.portalAccess': staffSide,
  'customer.serviceStatus': staffSide,

  // Support content.
  'incident.subscribe': customerOnly,
  'incident.list': staffSide,
  'incident.create': staffSide,
  'incident.update': staffSide,
  'faq.list': staffSide,
  'faq.create': staffSide,
  'faq.update': staffSide,
  'branding.update': { admin: 'tenant' },

  // Staff sign-in (branch staff-signin): the staff side's own sign-out of every device, the dashboard.
  'staffSession.endAll': staffSide,
  'dashboard.read': staffSide,
  'team.read': { admin: 'tenant' },
  'team.update': { admin: 'tenant' },
  'audit.read': { admin: 'tenant' },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

/** What a route declares: a permission, or that anyone (signed in or not) may call it. */
export type RouteAccess = Permission | 'public';

export function reachOf(permission: Permission, audience: Audience | undefined): Reach | undefined {
  if (!audience) return undefined;
  return (PERMISSIONS[permission] as Rule)[audience];
}

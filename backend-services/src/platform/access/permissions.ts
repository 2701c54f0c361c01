/**
 * THE permission table: for every action, which audience may do it and how far its reach goes.
 * `own`: only what belongs to the session's customer; `tenant`: anything of the session's tenant.
 * An audience that is missing may not do it: the answer is 404, as for something that does not exist.
 * The route walk (`access.api.test.ts`) iterates this table for every route × actor.
 */
export type Reach = 'own' | 'tenant';
export type Audience = 'customer' | 'staff' | 'admin';
/** `read`: the action changes nothing, so a read-only actor (staff viewing as a customer) may do it. */
type Rule = Partial<Record<Audience, Reach>> & { read?: true };

const everyone = { customer: 'own', staff: 'tenant', admin: 'tenant' } as const satisfies Rule;
const staffSide = { staff: 'tenant', admin: 'tenant' } as const satisfies Rule;
const customerOnly = { customer: 'own' } as const satisfies Rule;
/** Marks an action that only reads: everything else is refused to a read-only actor (403 READ_ONLY). */
const read = <R extends Rule>(rule: R) => ({ ...rule, read: true }) as const;

export const PERMISSIONS = {
  /** The signed-in customer's own profile (`/me`), service page and intake check. */
  'account.read': read(customerOnly),
  'service.read': read(customerOnly),
  /** Sign out every device of the session's own account. */
  'session.end': everyone,

  // Tickets. The customer side lives under `/work-orders/customer/:customerId`, the staff side at the root.
  'ticket.list.own': read(customerOnly),
  'ticket.open.own': customerOnly,
  'ticket.events.own': read(customerOnly),
  'ticket.list': read(staffSide),
  'ticket.open': staffSide,
  /** A ticket's public side: what the customer sees (staff may open the customer's view too). */
  'ticket.read': read(everyone),
  /** The whole ticket, internal notes and internal files included. */
  'ticket.read.all': read(staffSide),
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

  // The ticket desk (issue 15): queue stream, presence, bulk and triage, saved views and replies.
  'ticket.events': staffSide,
  'ticket.presence': staffSide,
  'ticket.bulk': staffSide,
  'ticket.triage': staffSide,
  'desk.views': staffSide,
  'desk.savedReplies.read': staffSide,
  'desk.savedReplies.write': staffSide,
  /** Sharing a saved reply with the whole tenant (checked in the service on top of `write`). */
  'desk.savedReplies.shared': { admin: 'tenant' },

  // Customers, as staff manage them.
  'customer.invite': staffSide,
  'customer.portalAccess': staffSide,
  'customer.serviceStatus': staffSide,

  // Customer module (branch `customers`): list, customer page, create / edit, CSV import, view as the customer.
  'customer.list': read(staffSide),
  'customer.read': read(staffSide),
  'customer.create': staffSide,
  'customer.update': staffSide,
  'customer.import': staffSide,
  'customer.viewAs': staffSide,

  // Support content.
  'incident.subscribe': customerOnly,
  'incident.list': read(staffSide),
  'incident.create': staffSide,
  'incident.update': staffSide,
  'faq.list': read(staffSide),
  'faq.create': staffSide,
  'faq.update': staffSide,
  // Outages (issue 17): tickets linked to incidents, delivery reports, the FAQ editor.
  'incident.tickets': read(staffSide),
  'incident.link': staffSide,
  'incident.deliver': staffSide,
  'faq.read': read(staffSide),
  'faq.preview': read(staffSide),
  'faq.delete': staffSide,

  // Branding studio (issue 16): admins change and publish; staff of the tenant may see the draft's preview.
  'branding.update': { admin: 'tenant' },
  'branding.preview': staffSide,

  // Staff sign-in (branch staff-signin): the staff side's own sign-out of every device, the dashboard.
  'staffSession.endAll': staffSide,
  'dashboard.read': staffSide,
  'team.read': { admin: 'tenant' },
  'team.update': { admin: 'tenant' },
  'audit.read': { admin: 'tenant' },
  // Staff invitations (branch staff-signin, issue 14): admins invite; reset and set-password are public.
  'team.invite': { admin: 'tenant' },

  // Service levels and satisfaction (branch sla, issue 17): targets read by staff, set by admins.
  'sla.read': read(staffSide),
  'sla.update': { admin: 'tenant' },
  'report.satisfaction': read(staffSide),
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

/** What a route declares: a permission, or that anyone (signed in or not) may call it. */
export type RouteAccess = Permission | 'public';

/** Whether the action only reads (the table's `read` mark). */
export function isReadOnlyPermission(permission: Permission): boolean {
  return (PERMISSIONS[permission] as Rule).read === true;
}

export function reachOf(permission: Permission, audience: Audience | undefined): Reach | undefined {
  if (!audience) return undefined;
  return (PERMISSIONS[permission] as Rule)[audience];
}

import { recordAudit } from '../audit/audit.service.ts';
import { requireAccess, type AccessContext } from '../platform/access/access.ts';
import { createViewAs, endViewsOf } from '../platform/auth/view-as-session.ts';
import { displayNameOf } from './staff-customer.views.ts';
import { staffActorOf } from './staff-customers.service.ts';

/**
 * Staff open the portal as this customer, read-only. Every view is recorded in the audit log before
 * it can be used. The staff session stays as it is; the view lives beside it (see view-as-session.ts).
 */
export async function startViewingAs(ctx: AccessContext, customerId: string) {
  const [customer] = await requireAccess(ctx, 'customer.viewAs', [customerId]);
  const staff = staffActorOf(ctx);
  const name = displayNameOf(customer);
  const { token, expiresAt } = await createViewAs({
    tenantId: String(ctx.tenant._id),
    customerId: customer.customerId,
    customerName: name,
    staff,
  });
  await recordAudit(staff, 'customer.viewAs', { kind: 'customer', id: customer.customerId, label: name });
  return { token, view: { customerId: customer.customerId, name, expiresAt: expiresAt.toISOString() } };
}

/** Ends the staff session's view, if one is open; answers whose customer page to go back to. */
export async function stopViewingAs(ctx: AccessContext) {
  await requireAccess(ctx, 'customer.viewAs');
  const staff = staffActorOf(ctx);
  return { customerId: await endViewsOf(staff.tenantId, staff.sessionId) };
}

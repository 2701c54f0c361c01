import type { Auth } from 'firebase-admin/auth';
import type { TPortalAccessUpdate, TServiceStatusUpdate } from '@wisp/shared';
import { signOutEverywhere } from '../platform/auth/sign-out.ts';
import { AppError } from '../platform/http/app-error.ts';
import { requireAccess, type AccessContext } from '../platform/access/access.ts';
import { CustomerModel } from './customer.model.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { staffActorOf } from './staff-customers.service.ts';

/**
 * Staff turn a customer's portal access on or off, or lock / suspend / reactivate the portal account.
 * Anything that shuts the customer out also ends their sessions at once, on every device.
 */
export async function changePortalAccess(
  auth: Auth,
  ctx: AccessContext,
  customerId: string,
  change: TPortalAccessUpdate,
) {
  const [customer] = await requireAccess(ctx, 'customer.portalAccess', [customerId]);
  const tenantId = String(ctx.tenant._id);
  const uid = customer.portalAccess?.firebaseUid;
  if (change.accountStatus && !uid) throw new AppError('CONFLICT', 409, 'This customer has no portal account yet.');
  const set: Record<string, unknown> = {};
  if (change.enabled !== undefined) set['portalAccess.enabled'] = change.enabled;
  if (change.accountStatus) set['portalAccess.accountStatus'] = change.accountStatus;
  await CustomerModel.updateOne({ _id: customer._id, tenantId }, { $set: set });
  const shutOut = change.enabled === false || change.accountStatus === 'locked' || change.accountStatus === 'suspended';
  const sessionsEnded = shutOut && uid ? await signOutEverywhere(auth, tenantId, uid) : 0;
  const unlocked = change.accountStatus === 'active' && customer.portalAccess?.accountStatus === 'locked';
  const what = [
    change.enabled === undefined ? null : change.enabled ? 'portal access turned on' : 'portal access turned off',
    change.accountStatus ? `account ${change.accountStatus}` : null,
  ].filter(Boolean);
  await recordAudit(
    staffActorOf(ctx),
    unlocked ? 'customer.unlock' : 'customer.portalAccess',
    { kind: 'customer', id: customer.customerId, label: `${customer.firstName} ${customer.lastName}` },
    `${what.join(', ')}${sessionsEnded ? `; ${sessionsEnded} sessions ended` : ''}`,
  );
  return {
    portalAccess: {
      enabled: change.enabled ?? customer.portalAccess?.enabled !== false,
      accountStatus: change.accountStatus ?? customer.portalAccess?.accountStatus ?? null,
    },
    sessionsEnded,
  };
}

/** Staff change the service status. A suspended customer keeps portal access and sees the suspension. */
export async function changeServiceStatus(ctx: AccessContext, customerId: string, change: TServiceStatusUpdate) {
  const [customer] = await requireAccess(ctx, 'customer.serviceStatus', [customerId]);
  await CustomerModel.updateOne(
    { _id: customer._id, tenantId: ctx.tenant._id },
    { $set: { serviceStatus: change.serviceStatus } },
  );
  return { customerId, serviceStatus: change.serviceStatus };
}

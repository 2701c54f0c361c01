import type { TPortalState } from '@wisp/shared';
import type { TCustomerDoc } from './customer.model.ts';

type PortalAccessFields = Pick<TCustomerDoc, 'portalAccess'>;

/**
 * The one place that decides the portal state staff see, from the customer's portal access and
 * account. Access turned off wins over everything (the customer cannot sign in whatever the account
 * says); a locked account is next, then the account's own status; without an account, an invitation
 * whose link still works is "invited".
 */
export function portalStateOf(customer: PortalAccessFields, now = new Date()): TPortalState {
  const access = customer.portalAccess;
  if (access?.enabled === false || access?.accountStatus === 'suspended') return 'disabled';
  if (access?.accountStatus === 'locked') return 'locked';
  if (access?.firebaseUid) return access.accountStatus === 'active' ? 'active' : 'pending';
  if (access?.accessCode && access.accessCodeExpires && access.accessCodeExpires > now) return 'invited';
  return 'none';
}

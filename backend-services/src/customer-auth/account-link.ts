import { CustomerModel, type TCustomerDoc } from '../customers/customer.model.ts';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import { emailOfActionCode, type ActionCodeKind } from '../platform/auth/identity-toolkit.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { accountAlreadyExists, emailAlreadyInUse } from './auth-errors.ts';
import type { AuthDeps } from './customer-login.service.ts';
import { claimIdOf, PortalAccountClaimModel } from './portal-account-claim.model.ts';

type NewAccount = { email: string; password: string; via: 'signup' | 'invitation' };

/**
 * Creates the Firebase user for a customer and links its uid to the customer record, at most once per
 * customer: the claim insert under a unique `_id` decides, so two concurrent attempts cannot both link.
 * On any failure the Firebase user and the claim are removed again, leaving nothing half-written.
 * Only an emailed link (an invitation or a sign-up link) gets here: it proved the email, so the account
 * starts verified and active.
 */
export async function createAndLinkAccount(
  deps: AuthDeps,
  tenant: TTenantDoc,
  customer: TCustomerDoc,
  account: NewAccount,
): Promise<string> {
  const tenantId = String(tenant._id);
  const claimId = claimIdOf(tenantId, customer.customerId);
  try {
    await PortalAccountClaimModel.create({ _id: claimId, via: account.via, claimedAt: new Date() });
  } catch (err) {
    if (isDuplicateKeyError(err)) throw accountAlreadyExists();
    throw err;
  }
  let uid: string | undefined;
  try {
    uid = (
      await deps.auth.createUser({
        email: account.email,
        password: account.password,
        emailVerified: true,
        displayName: `${customer.firstName} ${customer.lastName}`,
      })
    ).uid;
    await deps.auth.setCustomUserClaims(uid, { role: 'customer', tenantId, customerId: customer.customerId });
    await CustomerModel.updateOne(
      { _id: customer._id, tenantId },
      {
        $set: {
          'portalAccess.firebaseUid': uid,
          'portalAccess.accountStatus': 'active',
          'portalAccess.accountCreatedAt': new Date(),
        },
      },
    );
    return uid;
  } catch (err) {
    if (uid) await deps.auth.deleteUser(uid).catch(() => undefined);
    await PortalAccountClaimModel.deleteOne({ _id: claimId });
    if ((err as { code?: string }).code === 'auth/email-already-exists') throw emailAlreadyInUse(tenant);
    throw err;
  }
}

/** `maria.hansen@example.com` → `m•••••••••••@example.com`: enough to recognise, not to harvest. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}${'•'.repeat(Math.max(local.length - 1, 1))}@${domain}`;
}

/** The customer of THIS tenant whose account an emailed action code belongs to, checked before the code is used. */
export async function customerOfActionCode(
  deps: AuthDeps,
  tenantId: string,
  oobCode: string,
  kind: ActionCodeKind,
): Promise<TCustomerDoc | null> {
  const email = await emailOfActionCode(deps.config, oobCode, kind);
  if (!email) return null;
  const user = await deps.auth.getUserByEmail(email).catch(() => null);
  if (!user) return null;
  return CustomerModel.findOne({ tenantId, 'portalAccess.firebaseUid': user.uid }).lean<TCustomerDoc>();
}

import type { Auth } from 'firebase-admin/auth';
import type { TLoginRequest } from '@wisp/shared';
import type { TConfig } from '../config.ts';
import { CustomerModel, type TCustomerDoc } from '../customers/customer.model.ts';
import { checkPassword } from '../platform/auth/identity-toolkit.ts';
import { firebaseEmailOf } from '../platform/auth/sign-out.ts';
import { sessionPolicyOf, startSession, type NewSession } from '../platform/auth/session.service.ts';
import { countAttempt, rule, TOO_MANY_FROM_NETWORK } from '../platform/rate-limit/rate-limit.service.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { identifierKey, parseIdentifier, type Identifier } from './identifier.ts';
import { invalidCredentials } from './auth-errors.ts';

export type AuthDeps = { config: TConfig; auth: Auth };
export type Client = { ip: string; userAgent?: string };

/** More customers than this sharing one email or phone in a tenant is not a household, it is data to fix. */
const MAX_CANDIDATES = 5;
/** Under the reserved `.invalid` top-level domain: no Firebase account can ever have it. */
const NO_ACCOUNT_EMAIL = 'no-account@portal.invalid';
const NO_ACCOUNT_UID = 'no-account';

/**
 * Signs a customer in with an email or phone number of THIS tenant and a password checked by Firebase.
 * Every failure is the same answer and counts towards the per-identifier and per-IP limits. The per-IP
 * limit never stops the right password of an account that is not itself under attack: it only changes
 * the answer to a wrong one.
 */
export async function logInCustomer(
  deps: AuthDeps,
  tenant: TTenantDoc,
  input: TLoginRequest,
  client: Client,
): Promise<{ customer: TCustomerDoc; session: NewSession }> {
  const tenantId = String(tenant._id);
  const identifier = parseIdentifier(input.identifier, tenant.defaultCountry);
  const attempt = await countAttempt([
    rule('loginPerIdentifier', tenantId, identifierKey(input.identifier, identifier)),
    rule('loginPerIp', tenantId, client.ip),
  ]);
  await attempt.refuseIfOver(['loginPerIdentifier']);

  const customer = identifier ? await customerWithPassword(deps, tenantId, identifier, input.password) : null;
  // A right password does not open a disabled, locked or unverified account, and says nothing more.
  if (!customer || !maySignIn(customer)) {
    if (attempt.isOver('loginPerIp')) throw attempt.tooMany(['loginPerIp'], TOO_MANY_FROM_NETWORK);
    throw invalidCredentials();
  }
  await attempt.forget();
  const uid = customer.portalAccess!.firebaseUid!;
  const session = await startSession(
    { kind: 'customer', tenantId, uid, customerId: customer.customerId },
    sessionPolicyOf(deps.config),
    client.userAgent,
  );
  const now = new Date();
  await CustomerModel.updateOne({ _id: customer._id, tenantId }, { $set: { 'portalAccess.lastLoginAt': now } });
  return { customer, session };
}

/** Portal access on and the account verified; the SERVICE may be suspended (they see why). */
function maySignIn(customer: TCustomerDoc): boolean {
  return customer.portalAccess?.enabled !== false && customer.portalAccess?.accountStatus === 'active';
}

/** Customers of the tenant with a linked account matching the identifier. */
export async function linkedCustomersOf(tenantId: string, identifier: Identifier): Promise<TCustomerDoc[]> {
  const match = identifier.kind === 'email' ? { email: identifier.email } : { primaryPhone: identifier.phone };
  return CustomerModel.find({ tenantId, ...match, 'portalAccess.firebaseUid': { $exists: true } })
    .limit(MAX_CANDIDATES)
    .lean<TCustomerDoc[]>();
}

async function customerWithPassword(
  deps: AuthDeps,
  tenantId: string,
  identifier: Identifier,
  password: string,
): Promise<TCustomerDoc | null> {
  const candidates = await linkedCustomersOf(tenantId, identifier);
  if (candidates.length === 0) {
    // The same two round trips as for a real account, so response time does not tell whether one exists.
    await firebaseEmailOf(deps.auth, NO_ACCOUNT_UID);
    await checkPassword(deps.config, NO_ACCOUNT_EMAIL, password);
    return null;
  }
  for (const candidate of candidates) {
    const uid = candidate.portalAccess!.firebaseUid!;
    // The password is checked against the linked Firebase user's own email, never one the client sent.
    const email = await firebaseEmailOf(deps.auth, uid);
    if (!email) continue;
    if ((await checkPassword(deps.config, email, password)) === uid) return candidate;
  }
  return null;
}

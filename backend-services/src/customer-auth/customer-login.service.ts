import type { Auth } from 'firebase-admin/auth';
import type { TLoginRequest } from '@wisp/shared';
import type { TConfig } from '../config.ts';
import { CustomerModel, type TCustomerDoc } from '../customers/customer.model.ts';
import { checkPassword } from '../platform/auth/identity-toolkit.ts';
import { firebaseEmailOf } from '../platform/auth/sign-out.ts';
import { sessionPolicyOf, startSession, type NewSession } from '../platform/auth/session.service.ts';
import { enforceRateLimit, recordAttempt, rule } from '../platform/rate-limit/rate-limit.service.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { identifierKey, parseIdentifier, type Identifier } from './identifier.ts';
import { invalidCredentials } from './auth-errors.ts';

export type AuthDeps = { config: TConfig; auth: Auth };
export type Client = { ip: string; userAgent?: string };

/** More customers than this sharing one email or phone in a tenant is not a household, it is data to fix. */
const MAX_CANDIDATES = 5;

/**
 * Signs a customer in with an email or phone number of THIS tenant and a password checked by Firebase.
 * Every failure is the same answer and counts towards the per-identifier and per-IP limits.
 */
export async function logInCustomer(deps: AuthDeps, tenant: TTenantDoc, input: TLoginRequest, client: Client): Promise<{ customer: TCustomerDoc; session: NewSession }> {
  const tenantId = String(tenant._id);
  const identifier = parseIdentifier(input.identifier, tenant.defaultCountry);
  const limits = [rule('loginPerIdentifier', tenantId, identifierKey(input.identifier, identifier)), rule('loginPerIp', client.ip)];
  await enforceRateLimit(limits);

  const customer = identifier ? await customerWithPassword(deps, tenantId, identifier, input.password) : null;
  // A right password does not open a disabled, locked or unverified account, and says nothing more.
  if (!customer || !maySignIn(customer)) {
    await recordAttempt(limits);
    throw invalidCredentials();
  }
  const uid = customer.portalAccess!.firebaseUid!;
  const session = await startSession({ kind: 'customer', tenantId, uid, customerId: customer.customerId }, sessionPolicyOf(deps.config), client.userAgent);
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

async function customerWithPassword(deps: AuthDeps, tenantId: string, identifier: Identifier, password: string): Promise<TCustomerDoc | null> {
  for (const candidate of await linkedCustomersOf(tenantId, identifier)) {
    const uid = candidate.portalAccess!.firebaseUid!;
    // The password is checked against the linked Firebase user's own email, never one the client sent.
    const email = await firebaseEmailOf(deps.auth, uid);
    if (!email) continue;
    if ((await checkPassword(deps.config, email, password)) === uid) return candidate;
  }
  return null;
}

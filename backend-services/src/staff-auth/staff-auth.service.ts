import type { TStaffLoginRequest } from '@wisp/shared';
import { checkPassword } from '../platform/auth/identity-toolkit.ts';
import { sessionPolicyOf, startSession, type NewSession } from '../platform/auth/session.service.ts';
import { countAttempt, rule, TOO_MANY_FROM_NETWORK } from '../platform/rate-limit/rate-limit.service.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { invalidCredentials } from '../customer-auth/auth-errors.ts';
import type { AuthDeps, Client } from '../customer-auth/customer-login.service.ts';

export type StaffSignedIn = { staff: { email: string; role: 'admin' | 'staff' }; session: NewSession };

/**
 * Staff sign in on their own tenant's host: Firebase checks the password, and the user's custom claims
 * `{ role, tenantId }` must name this tenant. Failures share one answer and the login rate limits (as for customers).
 */
export async function logInStaff(
  deps: AuthDeps,
  tenant: TTenantDoc,
  input: TStaffLoginRequest,
  client: Client,
): Promise<StaffSignedIn> {
  const tenantId = String(tenant._id);
  const email = input.email.toLowerCase();
  const attempt = await countAttempt([
    rule('loginPerIdentifier', tenantId, `staff:${email}`),
    rule('loginPerIp', tenantId, client.ip),
  ]);
  await attempt.refuseIfOver(['loginPerIdentifier']);
  const uid = await checkPassword(deps.config, email, input.password);
  const user = uid ? await deps.auth.getUser(uid) : null;
  const role = user?.customClaims?.role;
  if (!user || user.disabled || (role !== 'admin' && role !== 'staff') || user.customClaims?.tenantId !== tenantId) {
    if (attempt.isOver('loginPerIp')) throw attempt.tooMany(['loginPerIp'], TOO_MANY_FROM_NETWORK);
    throw invalidCredentials();
  }
  await attempt.forget();
  const session = await startSession(
    { kind: 'staff', tenantId, uid: user.uid, role, email },
    sessionPolicyOf(deps.config),
    client.userAgent,
  );
  return { staff: { email, role }, session };
}

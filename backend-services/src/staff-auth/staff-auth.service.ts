import type { Auth, DecodedIdToken } from 'firebase-admin/auth';
import type { TStaffAuthConfig, TStaffSessionRequest, TStaffSignedIn } from '@wisp/shared';
import type { TConfig } from '../config.ts';
import { requireAccess, type AccessContext } from '../platform/access/access.ts';
import { sessionPolicyOf, startSession, type NewSession } from '../platform/auth/session.service.ts';
import { signOutEverywhere } from '../platform/auth/sign-out.ts';
import { AppError } from '../platform/http/app-error.ts';
import { countAttempt, rule, TOO_MANY_FROM_NETWORK } from '../platform/rate-limit/rate-limit.service.ts';
import type { TTenantDoc } from '../tenants/tenant.model.ts';
import { noteStaffSignIn } from '../team/team.service.ts';
import type { AuthDeps, Client } from '../customer-auth/customer-login.service.ts';

export type StaffSignedIn = TStaffSignedIn & { session: NewSession };

/** The one answer to every refused exchange: bad or revoked token, disabled user, wrong role or tenant. */
export const staffSignInRefused = () =>
  new AppError('INVALID_CREDENTIALS', 401, 'This account cannot sign in to this staff workspace.');

/** The staff side is served only on the tenant's platform host, never on its custom domain. */
export function requireStaffHost(staffHost: boolean): void {
  if (!staffHost) throw AppError.notFound();
}

/** What the sign-in page hands the Firebase JS SDK: this deployment's project, and the emulator when used. */
export function staffAuthConfig(config: TConfig): TStaffAuthConfig {
  return {
    apiKey: config.FIREBASE_WEB_API_KEY,
    projectId: config.FIREBASE_PROJECT_ID,
    authDomain: `${config.FIREBASE_PROJECT_ID}.firebaseapp.com`,
    emulatorUrl: config.FIREBASE_AUTH_EMULATOR_HOST ? `http://${config.FIREBASE_AUTH_EMULATOR_HOST}` : null,
  };
}

/**
 * The uid a token claims, read WITHOUT verifying it: only to count the attempt against that person
 * before the (costlier) verification, as the password door counted a typed email. Never trusted.
 */
function claimedUidOf(idToken: string): string {
  try {
    const payload = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      sub?: unknown;
    };
    return typeof payload.sub === 'string' ? payload.sub.slice(0, 128) : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** The verified staff member of `tenantId` behind a token, or null for any refusal Firebase gives. */
async function verifiedStaffOf(
  auth: Auth,
  idToken: string,
  tenantId: string,
): Promise<{ uid: string; email: string; role: 'admin' | 'staff' } | null> {
  let decoded: DecodedIdToken;
  try {
    // checkRevoked also refuses a disabled or deleted user.
    decoded = await auth.verifyIdToken(idToken, true);
  } catch (err) {
    if (String((err as { code?: string }).code ?? '').startsWith('auth/')) return null;
    throw err;
  }
  const role: unknown = decoded.role;
  if ((role !== 'admin' && role !== 'staff') || decoded.tenantId !== tenantId || !decoded.email) return null;
  return { uid: decoded.uid, email: decoded.email.toLowerCase(), role };
}

/**
 * Trades a Firebase ID token (from the SDK on the sign-in page) for a server session of the same kind
 * customers get. Custom claims `{ role, tenantId }` must name this tenant. Each exchange counts towards
 * the sign-in limits per person (the token's uid) and per tenant + client address, as the customers'
 * password door does: the per-address limit only changes the answer to a refused exchange.
 */
export async function exchangeStaffIdToken(
  deps: AuthDeps,
  tenant: TTenantDoc,
  staffHost: boolean,
  input: TStaffSessionRequest,
  client: Client,
): Promise<StaffSignedIn> {
  requireStaffHost(staffHost);
  const tenantId = String(tenant._id);
  const attempt = await countAttempt([
    rule('loginPerIdentifier', tenantId, `staff:${claimedUidOf(input.idToken)}`),
    rule('loginPerIp', tenantId, client.ip),
  ]);
  await attempt.refuseIfOver(['loginPerIdentifier']);
  const staff = await verifiedStaffOf(deps.auth, input.idToken, tenantId);
  if (!staff) {
    if (attempt.isOver('loginPerIp')) throw attempt.tooMany(['loginPerIp'], TOO_MANY_FROM_NETWORK);
    throw staffSignInRefused();
  }
  await attempt.forget();
  const session = await startSession(
    { kind: 'staff', tenantId, uid: staff.uid, role: staff.role, email: staff.email },
    sessionPolicyOf(deps.config),
    client.userAgent,
  );
  await noteStaffSignIn(tenantId, staff.uid);
  return { staff: { email: staff.email, role: staff.role }, tenant: { slug: tenant.slug }, session };
}

/** Ends every session of the signed-in staff member in this tenant and revokes their Firebase tokens. */
export async function signOutStaffEverywhere(auth: Auth, ctx: AccessContext): Promise<number> {
  const { actor } = await requireAccess(ctx, 'staffSession.endAll');
  return signOutEverywhere(auth, actor.tenantId, actor.uid);
}

import type { TTenantDoc } from '../src/tenants/tenant.model.ts';
import { FIREBASE_PROJECT_ID } from '../../tools/stack/services.ts';
import type { TestApp } from './harness.ts';
import { PASSWORD } from './portal-accounts.ts';

let n = 0;

/** A Firebase user (in the emulator) with staff claims for `tenant`, or the given claims (null: none). */
export async function createStaffUser(
  t: TestApp,
  tenant: TTenantDoc | null,
  role: string = 'staff',
  claims?: Record<string, string> | null,
) {
  const user = await t.auth.createUser({ email: `staff${++n}.${Date.now()}@wisp.example`, password: PASSWORD });
  const given = claims === undefined ? (tenant ? { role, tenantId: String(tenant._id) } : null) : claims;
  if (given) await t.auth.setCustomUserClaims(user.uid, given);
  return { uid: user.uid, email: user.email! };
}

/**
 * What the Firebase JS SDK hands the sign-in page after email + password: a fresh ID token, from the
 * emulator's own sign-in endpoint (claims included).
 */
export async function idTokenOf(t: Pick<TestApp, 'config'>, email: string, password = PASSWORD): Promise<string> {
  const res = await fetch(
    `http://${t.config.FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=any`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, returnSecureToken: true }),
    },
  );
  const body = (await res.json()) as { idToken?: string };
  if (!body.idToken) throw new Error(`emulator sign-in failed for ${email}: ${JSON.stringify(body)}`);
  return body.idToken;
}

/** A token the emulator never issued for this project (wrong audience), shaped like a real one. */
export function foreignToken(uid: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({
    sub: uid,
    user_id: uid,
    aud: `not-${FIREBASE_PROJECT_ID}`,
    iss: `https://securetoken.google.com/not-${FIREBASE_PROJECT_ID}`,
    iat: now,
    exp: now + 3600,
    auth_time: now,
  })}.`;
}

import type { Auth } from 'firebase-admin/auth';
import { endAllSessionsOf } from './session.service.ts';

/**
 * Ends every portal session of one person in one tenant and revokes their Firebase refresh tokens:
 * sign-out-everywhere, password reset, portal access disabled, account locked.
 */
export async function signOutEverywhere(auth: Auth, tenantId: string, uid: string): Promise<number> {
  const ended = await endAllSessionsOf(tenantId, uid);
  try {
    await auth.revokeRefreshTokens(uid);
  } catch (err) {
    if ((err as { code?: string }).code !== 'auth/user-not-found') throw err;
  }
  return ended;
}

/** The email of a Firebase user, or null when the user is gone or has none. */
export async function firebaseEmailOf(auth: Auth, uid: string): Promise<string | null> {
  try {
    return (await auth.getUser(uid)).email ?? null;
  } catch (err) {
    if ((err as { code?: string }).code === 'auth/user-not-found') return null;
    throw err;
  }
}

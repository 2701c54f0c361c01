import type { TConfig } from '../../config.ts';

/**
 * The few Identity Toolkit REST calls firebase-admin does not offer: checking a password and applying
 * emailed action codes. Against the Auth emulator in development and tests, Google's API in production.
 */
export type IdentityToolkitConfig = Pick<TConfig, 'FIREBASE_AUTH_EMULATOR_HOST' | 'FIREBASE_WEB_API_KEY'>;

type ToolkitAnswer = { ok: true; body: { localId?: string; email?: string } } | { ok: false; reason: string };

async function call(config: IdentityToolkitConfig, method: string, payload: object): Promise<ToolkitAnswer> {
  const base = config.FIREBASE_AUTH_EMULATOR_HOST
    ? `http://${config.FIREBASE_AUTH_EMULATOR_HOST}/identitytoolkit.googleapis.com/v1`
    : 'https://identitytoolkit.googleapis.com/v1';
  const res = await fetch(`${base}/accounts:${method}?key=${encodeURIComponent(config.FIREBASE_WEB_API_KEY)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json().catch(() => ({}))) as { localId?: string; email?: string; error?: { message?: string } };
  if (res.ok) return { ok: true, body };
  // 400s are the caller's fault (wrong password, used code); anything else is an outage.
  if (res.status !== 400) throw new Error(`Identity Toolkit ${method} answered ${res.status}`);
  return { ok: false, reason: body.error?.message ?? 'UNKNOWN' };
}

/** The Firebase uid when `password` is right for `email`, else null (wrong password, unknown, disabled). */
export async function checkPassword(config: IdentityToolkitConfig, email: string, password: string): Promise<string | null> {
  const answer = await call(config, 'signInWithPassword', { email, password, returnSecureToken: false });
  return answer.ok ? (answer.body.localId ?? null) : null;
}

/** Applies an email-verification code; the verified user's uid, or null for a bad or used code. */
export async function applyEmailVerification(config: IdentityToolkitConfig, oobCode: string): Promise<string | null> {
  const answer = await call(config, 'update', { oobCode });
  return answer.ok ? (answer.body.localId ?? null) : null;
}

/** The email a password-reset code was issued for, without using the code; null when it is not valid. */
export async function emailOfResetCode(config: IdentityToolkitConfig, oobCode: string): Promise<string | null> {
  const answer = await call(config, 'resetPassword', { oobCode });
  return answer.ok ? (answer.body.email ?? null) : null;
}

/** Sets the new password with a reset code; false when the code is not (or no longer) valid. */
export async function applyPasswordReset(config: IdentityToolkitConfig, oobCode: string, newPassword: string): Promise<boolean> {
  return (await call(config, 'resetPassword', { oobCode, newPassword })).ok;
}

/** The `oobCode` of an action link made by firebase-admin, so the email can point at the portal's own page. */
export function oobCodeOf(actionLink: string): string {
  const code = new URL(actionLink).searchParams.get('oobCode');
  if (!code) throw new Error('action link has no oobCode');
  return code;
}

import type { TConfig } from '../../config.ts';

/**
 * The few Identity Toolkit REST calls firebase-admin does not offer: checking a password and applying
 * emailed action codes. Against the Auth emulator in development and tests, Google's API in production.
 */
export type IdentityToolkitConfig = Pick<TConfig, 'FIREBASE_AUTH_EMULATOR_HOST' | 'FIREBASE_WEB_API_KEY'>;

type ToolkitBody = { localId?: string; email?: string; requestType?: string };
type ToolkitAnswer = { ok: true; body: ToolkitBody } | { ok: false; reason: string };

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
  const body = (await res.json().catch(() => ({}))) as ToolkitBody & { error?: { message?: string } };
  if (res.ok) return { ok: true, body };
  // 400s are the caller's fault (wrong password, used code); anything else is an outage.
  if (res.status !== 400) throw new Error(`Identity Toolkit ${method} answered ${res.status}`);
  return { ok: false, reason: body.error?.message ?? 'UNKNOWN' };
}

/** The Firebase uid when `password` is right for `email`, else null (wrong password, unknown, disabled). */
export async function checkPassword(
  config: IdentityToolkitConfig,
  email: string,
  password: string,
): Promise<string | null> {
  const answer = await call(config, 'signInWithPassword', { email, password, returnSecureToken: false });
  return answer.ok ? (answer.body.localId ?? null) : null;
}

export type ActionCodeKind = 'VERIFY_EMAIL' | 'PASSWORD_RESET';

/**
 * The email an action code was issued for, WITHOUT using the code (what the client SDK's
 * checkActionCode does), so the portal can check the account belongs to this tenant first.
 * Null when the code is not valid or is of another kind.
 */
export async function emailOfActionCode(
  config: IdentityToolkitConfig,
  oobCode: string,
  kind: ActionCodeKind,
): Promise<string | null> {
  const answer = await call(config, 'resetPassword', { oobCode });
  return answer.ok && answer.body.requestType === kind ? (answer.body.email ?? null) : null;
}

/** Sets the new password with a reset code; false when the code is not (or no longer) valid. */
export async function applyPasswordReset(
  config: IdentityToolkitConfig,
  oobCode: string,
  newPassword: string,
): Promise<boolean> {
  return (await call(config, 'resetPassword', { oobCode, newPassword })).ok;
}

/** The `oobCode` of an action link made by firebase-admin, so the email can point at the portal's own page. */
export function oobCodeOf(actionLink: string): string {
  const code = new URL(actionLink).searchParams.get('oobCode');
  if (!code) throw new Error('action link has no oobCode');
  return code;
}

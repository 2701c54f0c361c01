import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from './actor.ts';
import { SessionModel } from './session.model.ts';

export type SessionPolicy = { idleMinutes: number; absoluteHours: number };

export function sessionPolicyOf(config: {
  SESSION_IDLE_MINUTES: number;
  SESSION_ABSOLUTE_HOURS: number;
}): SessionPolicy {
  return { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS };
}
export type NewSession = { token: string; sessionId: string; absoluteExpiresAt: Date };

type SessionSubject =
  | { kind: 'customer'; tenantId: string; uid: string; customerId: string }
  | { kind: 'staff'; tenantId: string; uid: string; role: 'admin' | 'staff'; email: string };

/** How often lastSeenAt is written: often enough for the idle timeout, rarely enough to keep reads cheap. */
const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function startSession(
  subject: SessionSubject,
  policy: SessionPolicy,
  userAgent?: string,
  now = new Date(),
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const sessionId = hashToken(token);
  const absoluteExpiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
  await SessionModel.create({
    _id: sessionId,
    tenantId: subject.tenantId,
    actorKind: subject.kind,
    uid: subject.uid,
    customerId: subject.kind === 'customer' ? subject.customerId : undefined,
    role: subject.kind === 'staff' ? subject.role : undefined,
    email: subject.kind === 'staff' ? subject.email : undefined,
    createdAt: now,
    lastSeenAt: now,
    absoluteExpiresAt,
    userAgent: userAgent?.slice(0, 300),
  });
  return { token, sessionId, absoluteExpiresAt };
}

export type SessionLookup = { actor: Actor } | { expired: true } | null;

/**
 * The session behind a cookie token, if it is live and belongs to `tenantId`. An idle or absolutely
 * expired session is deleted and reported as expired, so the portal can say so and send the person
 * back to where they were after signing in again.
 */
export async function findLiveSession(
  token: string,
  tenantId: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<SessionLookup> {
  const session = await SessionModel.findById(hashToken(token)).lean();
  // A view-as token is no session: it works only through its own cookie, beside its staff session.
  if (!session || String(session.tenantId) !== tenantId || session.viewAs) return null;
  const idleDeadline = session.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (now.getTime() > idleDeadline || now >= session.absoluteExpiresAt) {
    await SessionModel.deleteOne({ _id: session._id });
    return { expired: true };
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await SessionModel.updateOne({ _id: session._id }, { $set: { lastSeenAt: now } });
  }
  const base = { tenantId, uid: session.uid, sessionId: session._id };
  const actor: Actor =
    session.actorKind === 'customer'
      ? { kind: 'customer', ...base, customerId: session.customerId! }
      : { kind: 'staff', ...base, role: session.role === 'admin' ? 'admin' : 'staff', email: session.email ?? '' };
  return { actor };
}

export async function endSession(sessionId: string): Promise<void> {
  await SessionModel.deleteOne({ _id: sessionId });
}

/** Ends every session of one person in one tenant: sign-out-everywhere, password reset, suspension. */
export async function endAllSessionsOf(tenantId: string, uid: string): Promise<number> {
  const result = await SessionModel.deleteMany({ tenantId, uid });
  return result.deletedCount ?? 0;
}

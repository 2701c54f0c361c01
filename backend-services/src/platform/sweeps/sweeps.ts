import type { Logger } from 'pino';
import { CustomerModel } from '../../customers/customer.model.ts';
import { InvitationRedemptionModel } from '../../customer-auth/portal-account-claim.model.ts';
import { INVITATION_TTL_MS } from '../../customer-auth/portal-invite.service.ts';
import { SignupLinkModel } from '../../customer-auth/signup-link.model.ts';
import { OutboxClaimModel, OutboxMessageModel } from '../../notifications/outbox.model.ts';
import { SessionModel } from '../auth/session.model.ts';
import type { SessionPolicy } from '../auth/session.service.ts';
import { IDEMPOTENCY_RETENTION_MS } from '../http/idempotency.ts';
import { IdempotencyRecordModel } from '../http/idempotency.model.ts';
import { LONGEST_WINDOW_MS } from '../rate-limit/rate-limit.service.ts';
import { RateLimitHitModel } from '../rate-limit/rate-limit.model.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Delivered emails are kept this long (support may ask "did it go out?"), then deleted. */
export const OUTBOX_RETENTION_MS = 30 * DAY;
/**
 * An expired session row is kept this much longer, so someone coming back soon after is told their
 * session expired (the row says so) rather than finding themselves simply signed out.
 */
export const EXPIRED_SESSION_GRACE_MS = 60 * MINUTE;

export type SweepOptions = { sessions: SessionPolicy };
export type SweepResult = Record<string, number>;

/*
 * Every query below deliberately skips the tenant: the sweep cleans up after all tenants at once and
 * reads nothing back to anyone. Hence `unsafe…`.
 */

async function unsafeDeleteExpiredSessions(now: Date, policy: SessionPolicy) {
  const graceAgo = now.getTime() - EXPIRED_SESSION_GRACE_MS;
  const { deletedCount } = await SessionModel.deleteMany({
    $or: [
      { absoluteExpiresAt: { $lt: new Date(graceAgo) } },
      { lastSeenAt: { $lt: new Date(graceAgo - policy.idleMinutes * MINUTE) } },
    ],
  });
  return deletedCount;
}

async function unsafeDeleteOldRateLimitHits(now: Date) {
  const { deletedCount } = await RateLimitHitModel.deleteMany({
    at: { $lt: new Date(now.getTime() - LONGEST_WINDOW_MS) },
  });
  return deletedCount;
}

async function unsafeDeleteDeliveredEmails(now: Date) {
  const before = new Date(now.getTime() - OUTBOX_RETENTION_MS);
  const messages = await OutboxMessageModel.deleteMany({ status: 'sent', sentAt: { $lt: before } });
  // A claim that old belongs to a delivery attempt long finished.
  const claims = await OutboxClaimModel.deleteMany({ claimedAt: { $lt: before } });
  return messages.deletedCount + claims.deletedCount;
}

async function unsafeDeleteOldIdempotencyRecords(now: Date) {
  const { deletedCount } = await IdempotencyRecordModel.deleteMany({
    createdAt: { $lt: new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS) },
  });
  return deletedCount;
}

/** Invitation codes and sign-up links past their expiry, and redemptions of codes that would have expired by now anyway. */
async function unsafeDeleteExpiredInvitations(now: Date) {
  const redemptions = await InvitationRedemptionModel.deleteMany({
    redeemedAt: { $lt: new Date(now.getTime() - INVITATION_TTL_MS) },
  });
  const codes = await CustomerModel.updateMany(
    { 'portalAccess.accessCodeExpires': { $lt: now } },
    { $unset: { 'portalAccess.accessCode': 1, 'portalAccess.accessCodeExpires': 1 } },
  );
  const signupLinks = await SignupLinkModel.deleteMany({ expiresAt: { $lt: now } });
  return redemptions.deletedCount + codes.modifiedCount + signupLinks.deletedCount;
}

/**
 * One pass over everything that expires. FerretDB has no TTL indexes, and on it even a read by `_id`
 * scans the collection, so collections read on every request (sessions) must stay small.
 */
export async function sweepExpired(options: SweepOptions, now = new Date()): Promise<SweepResult> {
  return {
    sessions: await unsafeDeleteExpiredSessions(now, options.sessions),
    rateLimitHits: await unsafeDeleteOldRateLimitHits(now),
    emails: await unsafeDeleteDeliveredEmails(now),
    idempotencyRecords: await unsafeDeleteOldIdempotencyRecords(now),
    invitations: await unsafeDeleteExpiredInvitations(now),
  };
}

/** Runs the sweep every few minutes in each backend process (two processes sweeping at once is harmless). */
export function startSweeper(options: SweepOptions, logger: Logger, everyMs = 5 * MINUTE): () => void {
  const run = () =>
    void sweepExpired(options).then(
      (swept) => logger.debug({ swept }, 'swept expired rows'),
      (err: unknown) => logger.warn({ err }, 'sweep failed'),
    );
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

import mongoose, { type Collection } from 'mongoose';
import { InvitationRedemptionModel } from '../../customer-auth/portal-account-claim.model.ts';
import { INVITATION_TTL_MS } from '../../customer-auth/portal-invite.service.ts';
import { SignupLinkModel } from '../../customer-auth/signup-link.model.ts';
import { OutboxClaimModel, OutboxMessageModel } from '../../notifications/outbox.model.ts';
import { SessionModel } from '../auth/session.model.ts';
import { IDEMPOTENCY_RETENTION_MS } from '../http/idempotency.ts';
import { IdempotencyRecordModel } from '../http/idempotency.model.ts';
import { LONGEST_WINDOW_MS } from '../rate-limit/rate-limit.service.ts';
import { RateLimitHitModel } from '../rate-limit/rate-limit.model.ts';
import { EXPIRED_SESSION_GRACE_MS, OUTBOX_RETENTION_MS, type SweepOptions } from './sweeps.ts';

type TtlIndex = { collection: Collection; field: string; afterMs: number };

/** What the sweep deletes, as MongoDB TTL indexes: on production MongoDB the server expires rows itself too. */
export function ttlIndexes(options: SweepOptions): TtlIndex[] {
  return [
    { collection: SessionModel.collection, field: 'absoluteExpiresAt', afterMs: EXPIRED_SESSION_GRACE_MS },
    {
      collection: SessionModel.collection,
      field: 'lastSeenAt',
      afterMs: options.sessions.idleMinutes * 60_000 + EXPIRED_SESSION_GRACE_MS,
    },
    { collection: RateLimitHitModel.collection, field: 'at', afterMs: LONGEST_WINDOW_MS },
    { collection: OutboxMessageModel.collection, field: 'sentAt', afterMs: OUTBOX_RETENTION_MS },
    { collection: OutboxClaimModel.collection, field: 'claimedAt', afterMs: OUTBOX_RETENTION_MS },
    { collection: IdempotencyRecordModel.collection, field: 'createdAt', afterMs: IDEMPOTENCY_RETENTION_MS },
    { collection: SignupLinkModel.collection, field: 'expiresAt', afterMs: 0 },
    { collection: InvitationRedemptionModel.collection, field: 'redeemedAt', afterMs: INVITATION_TTL_MS },
  ];
}

/** FerretDB answers buildInfo with its own version; it refuses TTL indexes (`expireAfterSeconds`). */
export async function isFerretDb(): Promise<boolean> {
  const info = await mongoose.connection.db!.admin().command({ buildInfo: 1 });
  return 'ferretdbVersion' in info;
}

const INDEX_OPTIONS_CONFLICT = 85;

/**
 * Declares the TTL indexes on MongoDB (skipped on FerretDB, where the sweep alone does the job). An
 * index on the same field that exists without TTL, or with another expiry, is changed with `collMod`.
 */
export async function declareTtlIndexes(options: SweepOptions): Promise<'declared' | 'skipped (FerretDB)'> {
  if (await isFerretDb()) return 'skipped (FerretDB)';
  for (const { collection, field, afterMs } of ttlIndexes(options)) {
    const expireAfterSeconds = Math.ceil(afterMs / 1000);
    try {
      await collection.createIndex({ [field]: 1 }, { expireAfterSeconds });
    } catch (err) {
      if ((err as { code?: number }).code !== INDEX_OPTIONS_CONFLICT) throw err;
      await mongoose.connection.db!.command({
        collMod: collection.collectionName,
        index: { keyPattern: { [field]: 1 }, expireAfterSeconds },
      });
    }
  }
  return 'declared';
}

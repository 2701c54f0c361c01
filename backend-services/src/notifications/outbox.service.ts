import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import { Types } from 'mongoose';
import { insertEach } from '../platform/db/insert-each.ts';
import { OutboxClaimModel, OutboxMessageModel } from './outbox.model.ts';

export type OutgoingEmail = {
  kind: string;
  dedupeKey: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  replyTo?: string;
  fromName?: string;
};

/** Retry delays after each failed attempt; after the last one the message is marked failed. */
export const BACKOFF_SECONDS = [5, 30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600];

const DUE_BATCH = 50;

/**
 * A claim this old on a message still pending was left by a process that died mid-send (between the
 * claim and marking the message sent or failed): nobody else may send that attempt, so it would wait for
 * the outbox sweep (days). Longer than any send with its SMTP timeouts.
 */
export const ABANDONED_CLAIM_MS = 5 * 60_000;

let wakeWorker: (() => void) | undefined;

/**
 * Queues an email for `tenantId`. Idempotent by `dedupeKey` (a second call with the same key is a
 * no-op). Returns at once; the worker delivers.
 */
export async function enqueueEmail(tenantId: string, email: OutgoingEmail, now = new Date()): Promise<void> {
  try {
    await OutboxMessageModel.create({ tenantId, ...email, status: 'pending', attempts: 0, nextAttemptAt: now });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
  wakeWorker?.();
}

/**
 * Queues many emails of one tenant in one batch (issue 17: an incident update to every affected
 * customer). Idempotent per `dedupeKey` like `enqueueEmail`; returns how many this call added.
 */
export async function enqueueEmails(tenantId: string, emails: OutgoingEmail[], now = new Date()): Promise<number> {
  const docs = emails.map((email) => ({
    _id: new Types.ObjectId(),
    tenantId: new Types.ObjectId(tenantId),
    ...email,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  }));
  const added = await insertEach(OutboxMessageModel, docs);
  wakeWorker?.();
  return added.length;
}

export type OutboxWorker = { stop(): Promise<void>; drain(): Promise<void> };

/**
 * Unsafe on purpose: the worker delivers every tenant's mail, so this one query has no tenant. Each
 * message carries its own tenant's sender name and reply-to; nothing here reaches a request.
 */
function unsafeDueMessagesOfAllTenants() {
  return OutboxMessageModel.find({ status: 'pending', nextAttemptAt: { $lte: new Date() } })
    .sort({ nextAttemptAt: 1 })
    .limit(DUE_BATCH)
    .lean();
}

/**
 * Delivers due messages. Several workers (several backend processes) may run: each attempt is claimed
 * by inserting a claim document, so exactly one worker sends it.
 */
export function startOutboxWorker(opts: {
  transport: Transporter;
  from: string;
  logger: Logger;
  pollMs?: number;
}): OutboxWorker {
  const pollMs = opts.pollMs ?? 2_000;
  let running: Promise<void> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  // A full batch means more are due (an incident update to hundreds): take the next batch at once.
  async function deliverDue() {
    for (let batch = 0; batch < 100 && !stopped; batch++) {
      const due = await unsafeDueMessagesOfAllTenants();
      const handled = await deliverBatch(due);
      if (due.length < DUE_BATCH || handled === 0) return;
    }
  }

  /** Returns how many of `due` this worker attempted (the others belong to another worker). */
  async function deliverBatch(due: Awaited<ReturnType<typeof unsafeDueMessagesOfAllTenants>>): Promise<number> {
    let handled = 0;
    for (const message of due) {
      if (stopped) return handled;
      try {
        await OutboxClaimModel.create({ _id: `${message._id}:${message.attempts}`, claimedAt: new Date() });
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        // Another worker owns this attempt — unless it died holding it.
        if (await takeOverAbandonedAttempt(message)) handled++;
        continue;
      }
      handled++;
      try {
        await opts.transport.sendMail({
          from: message.fromName ? { name: message.fromName, address: addressOf(opts.from) } : opts.from,
          to: message.to,
          replyTo: message.replyTo ?? undefined,
          subject: message.subject,
          html: message.html,
          text: message.text,
          headers: { 'X-Outbox-Id': String(message._id) },
        });
        await OutboxMessageModel.updateOne(
          { _id: message._id },
          { $set: { status: 'sent', sentAt: new Date(), attempts: message.attempts + 1 } },
        );
      } catch (err) {
        const attempts = message.attempts + 1;
        const delay = BACKOFF_SECONDS[attempts - 1];
        await OutboxMessageModel.updateOne(
          { _id: message._id },
          {
            $set: {
              attempts,
              lastError: (err as Error).message.slice(0, 500),
              ...(delay === undefined ? { status: 'failed' } : { nextAttemptAt: new Date(Date.now() + delay * 1000) }),
            },
          },
        );
        opts.logger.warn(
          { outboxId: String(message._id), attempts, err: (err as Error).message },
          'email delivery failed; will retry',
        );
      }
    }
    return handled;
  }

  /**
   * Wake-ups while a delivery runs are folded into ONE more pass after it (not one scan of the outbox
   * per queued email): mail queued mid-pass still goes out at once, without waiting for the poll.
   */
  let again = false;
  async function deliverWhileWanted() {
    do {
      again = false;
      await deliverDue();
    } while (again && !stopped);
  }

  function tick() {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = deliverWhileWanted()
      .catch((err: unknown) => opts.logger.error({ err }, 'outbox worker error'))
      .finally(() => {
        running = null;
      });
    return running;
  }

  const schedule = () => {
    timer = setTimeout(() => {
      void tick().then(() => !stopped && schedule());
    }, pollMs);
  };
  schedule();
  wakeWorker = () => void tick();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      wakeWorker = undefined;
      await running;
    },
    /** Delivers everything due now (tests and shutdown). */
    async drain() {
      await running;
      await tick();
    },
  };
}

/**
 * When the claim on a pending message's attempt is abandoned, one worker (an insert under a unique key
 * decides which) moves the message to its next attempt, which the next pass claims and sends. The dead
 * process may have sent the mail before it died: sending again risks one duplicate, never a lost mail.
 */
async function takeOverAbandonedAttempt(message: { _id: Types.ObjectId; attempts: number }): Promise<boolean> {
  const claimId = `${message._id}:${message.attempts}`;
  const claim = await OutboxClaimModel.findById(claimId).lean();
  if (!claim || Date.now() - claim.claimedAt.getTime() < ABANDONED_CLAIM_MS) return false;
  try {
    await OutboxClaimModel.create({ _id: `${claimId}:abandoned`, claimedAt: new Date() });
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
  await OutboxMessageModel.updateOne(
    { _id: message._id },
    { $set: { attempts: message.attempts + 1, nextAttemptAt: new Date(), lastError: 'abandoned mid-send' } },
  );
  return true;
}

function addressOf(from: string): string {
  const m = /<([^>]+)>/.exec(from);
  return m ? m[1]! : from;
}

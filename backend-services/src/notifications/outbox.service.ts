import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
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

export type OutboxWorker = { stop(): Promise<void>; drain(): Promise<void> };

/**
 * Unsafe on purpose: the worker delivers every tenant's mail, so this one query has no tenant. Each
 * message carries its own tenant's sender name and reply-to; nothing here reaches a request.
 */
function unsafeDueMessagesOfAllTenants() {
  return OutboxMessageModel.find({ status: 'pending', nextAttemptAt: { $lte: new Date() } })
    .sort({ nextAttemptAt: 1 })
    .limit(50)
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

  async function deliverDue() {
    const due = await unsafeDueMessagesOfAllTenants();
    for (const message of due) {
      if (stopped) return;
      try {
        await OutboxClaimModel.create({ _id: `${message._id}:${message.attempts}`, claimedAt: new Date() });
      } catch (err) {
        if (isDuplicateKeyError(err)) continue; // another worker owns this attempt
        throw err;
      }
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
  }

  function tick() {
    if (stopped) return Promise.resolve();
    running ??= deliverDue()
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

function addressOf(from: string): string {
  const m = /<([^>]+)>/.exec(from);
  return m ? m[1]! : from;
}

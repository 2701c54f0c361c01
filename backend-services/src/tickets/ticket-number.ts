import mongoose, { Schema, type Types } from 'mongoose';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import { TicketModel } from './ticket.model.ts';

export function formatTicketNumber(year: number, seq: number): string {
  return `TKT-${year}-${String(seq).padStart(4, '0')}`;
}

/**
 * One document per issued number, `_id` = `<tenantId>:<year>:<seq>`. FerretDB has no atomic `$inc`,
 * so there is no counter to bump: a number is taken by inserting its claim, and the unique `_id` lets
 * exactly one writer win. Inserts and reads by `_id` are the only fast operations on FerretDB, which
 * is why claims are keyed this way instead of scanning tickets for the maximum on every attempt.
 */
const ticketNumberClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
    claimedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
export const TicketNumberClaimModel = mongoose.model('TicketNumberClaim', ticketNumberClaimSchema);

/**
 * Where to start looking: the next number after the last one claimed. Only a hint (its update is not
 * atomic on FerretDB and may lag or even step back); a stale hint costs a few extra claim attempts,
 * never a duplicate.
 */
const ticketNumberHintSchema = new Schema(
  {
    _id: { type: String, required: true },
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
    year: { type: Number, required: true },
    next: { type: Number, required: true },
  },
  { versionKey: false },
);
export const TicketNumberHintModel = mongoose.model('TicketNumberHint', ticketNumberHintSchema);

const MAX_ATTEMPTS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readHint(tenantId: string, year: number): Promise<number | undefined> {
  return (await TicketNumberHintModel.findById(`${tenantId}:${year}`).lean())?.next;
}

async function advanceHint(tenantId: string, year: number, next: number): Promise<void> {
  try {
    await TicketNumberHintModel.updateOne(
      { _id: `${tenantId}:${year}` },
      { $max: { next }, $setOnInsert: { tenantId, year } },
      { upsert: true },
    );
  } catch (err) {
    // Two first-ever upserts of the same hint may collide; either value is a fine hint.
    if (!isDuplicateKeyError(err)) throw err;
  }
}

/** Without a hint (a tenant's first ticket of the year), start after the highest number already used. */
async function highestUsedSeq(tenantId: string, year: number): Promise<number> {
  const top = await TicketModel.findOne({ tenantId, ticketYear: year }, { ticketSeq: 1 })
    .sort({ ticketSeq: -1 })
    .lean();
  return top?.ticketSeq ?? 0;
}

/**
 * Claims the next free sequence number of `tenantId` in `year`, walking forward past numbers others
 * won. Safe under any concurrency (the claim's unique `_id` decides); exported for the test that
 * races it without the in-process queue, as several backend processes would.
 */
export async function claimNextSeqUnqueued(tenantId: string, year: number): Promise<number> {
  let candidate = (await readHint(tenantId, year)) ?? (await highestUsedSeq(tenantId, year)) + 1;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      await TicketNumberClaimModel.create({
        _id: `${tenantId}:${year}:${candidate}`,
        tenantId,
        year,
        seq: candidate,
        claimedAt: new Date(),
      });
      await advanceHint(tenantId, year, candidate + 1);
      return candidate;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    // Jitter spreads writers that collide in lock-step; the hint lets a loser skip numbers already won.
    if (attempt % 3 === 0) await sleep(Math.random() * Math.min(attempt, 20));
    candidate = Math.max(candidate + 1, (await readHint(tenantId, year)) ?? 0);
  }
  throw new Error(`could not claim a ticket number after ${MAX_ATTEMPTS} attempts`);
}

/**
 * Within one process, claims for the same tenant and year wait in line: correctness does not need it,
 * but 50 requests racing for one number cost ~50²/2 failed inserts, which FerretDB answers slowly
 * (measured: 50 concurrent creates took 9–18 s racing, see the report). Across processes the claims race, safely.
 */
const claimQueues = new Map<string, Promise<unknown>>();
function claimNextSeq(tenantId: string, year: number): Promise<number> {
  const key = `${tenantId}:${year}`;
  const run = (claimQueues.get(key) ?? Promise.resolve()).then(() => claimNextSeqUnqueued(tenantId, year));
  const tail = run.catch(() => undefined);
  claimQueues.set(key, tail);
  void tail.then(() => {
    if (claimQueues.get(key) === tail) claimQueues.delete(key);
  });
  return run;
}

/**
 * Inserts a ticket under the next free `TKT-<year>-<seq>` of its tenant. The claim makes the
 * number ours; the unique index on (tenantId, ticketNumber) stays the final arbiter (e.g. against a
 * ticket written without a claim), and on a duplicate we simply claim the next number.
 */
export async function insertWithNextTicketNumber<T extends Record<string, unknown>>(
  tenantId: Types.ObjectId | string,
  doc: T,
  now: Date,
): Promise<InstanceType<typeof TicketModel>> {
  const year = now.getUTCFullYear();
  for (let attempt = 1; attempt <= 20; attempt++) {
    const seq = await claimNextSeq(String(tenantId), year);
    try {
      return await TicketModel.create({
        ...doc,
        tenantId,
        ticketYear: year,
        ticketSeq: seq,
        ticketNumber: formatTicketNumber(year, seq),
      });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }
  throw new Error('could not insert the ticket under a free ticket number');
}

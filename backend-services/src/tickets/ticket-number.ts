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

/** The one decision: whoever inserts the claim of `seq` owns it (a duplicate key means someone else does). */
const insertClaim = (tenantId: string, year: number, seq: number) =>
  TicketNumberClaimModel.create({ _id: `${tenantId}:${year}:${seq}`, tenantId, year, seq, claimedAt: new Date() });

/**
 * Claims the next free sequence number of `tenantId` in `year`, walking forward past numbers others
 * won, knowing nothing of other claims. Safe under any concurrency (the claim's unique `_id` decides);
 * kept for the test that races claims with no shared knowledge at all, the worst case.
 */
export async function claimNextSeqUnqueued(tenantId: string, year: number): Promise<number> {
  let candidate = (await readHint(tenantId, year)) ?? (await highestUsedSeq(tenantId, year)) + 1;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      await insertClaim(tenantId, year, candidate);
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

/** What one process knows of a tenant-year's numbers while claims for it are in flight. */
type KnownNumbers = {
  /** Every number below is taken (by someone); `floor` itself may be free. */
  floor: number;
  /** Numbers at or above the floor known to be taken: won here, or lost to another process. */
  taken: Set<number>;
  /** Numbers a claim of this process is inserting right now. */
  trying: Set<number>;
  claims: number;
  ready: Promise<void>;
};

/**
 * Hands out ticket numbers. Claims run in parallel, never waiting for one another: the claim's unique
 * `_id` alone decides who owns a number. What the process adds is knowledge, so that its own parallel
 * claims try DIFFERENT numbers (1, 2, 3… at once, each winning at the first insert) instead of all
 * racing for the same one (~n²/2 failed inserts for n at once, which FerretDB answers slowly). A
 * number lost to another process is remembered as taken and the hint re-read, so the walk skips what
 * the other process won. Gap-free: a claim only tries a number when every lower one is taken or being
 * tried by a claim that will either win it or find it taken. The knowledge is dropped once no claim
 * is in flight, so the next burst starts from the database's hint, with what other processes did.
 * One dispenser per process; a test makes two to race as two processes would.
 */
export function ticketNumberDispenser() {
  const known = new Map<string, KnownNumbers>();

  function nextCandidate(k: KnownNumbers): number {
    let n = k.floor;
    while (k.taken.has(n) || k.trying.has(n)) n++;
    return n;
  }

  function markTaken(k: KnownNumbers, n: number) {
    if (n >= k.floor) k.taken.add(n);
    while (k.taken.delete(k.floor)) k.floor++;
  }

  function raiseFloor(k: KnownNumbers, to: number | undefined) {
    if (to === undefined || to <= k.floor) return;
    for (const n of k.taken) if (n < to) k.taken.delete(n);
    k.floor = to;
    while (k.taken.delete(k.floor)) k.floor++;
  }

  async function claim(tenantId: string, year: number, k: KnownNumbers): Promise<number> {
    await k.ready;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const candidate = nextCandidate(k);
      k.trying.add(candidate);
      let won = false;
      try {
        await insertClaim(tenantId, year, candidate);
        won = true;
      } catch (err) {
        if (!isDuplicateKeyError(err)) {
          k.trying.delete(candidate);
          throw err;
        }
      }
      k.trying.delete(candidate);
      markTaken(k, candidate);
      if (won) {
        await advanceHint(tenantId, year, candidate + 1);
        return candidate;
      }
      // Another process is issuing numbers too: jitter spreads lock-step collisions, the hint skips ahead.
      if (attempt % 3 === 0) await sleep(Math.random() * Math.min(attempt, 20));
      raiseFloor(k, await readHint(tenantId, year));
    }
    throw new Error(`could not claim a ticket number after ${MAX_ATTEMPTS} attempts`);
  }

  return async function claimNextSeq(tenantId: string, year: number): Promise<number> {
    const key = `${tenantId}:${year}`;
    let k = known.get(key);
    if (!k) {
      const fresh: KnownNumbers = {
        floor: 1,
        taken: new Set(),
        trying: new Set(),
        claims: 0,
        ready: Promise.resolve(),
      };
      fresh.ready = (async () => {
        fresh.floor = (await readHint(tenantId, year)) ?? (await highestUsedSeq(tenantId, year)) + 1;
      })();
      known.set(key, fresh);
      k = fresh;
    }
    k.claims++;
    try {
      return await claim(tenantId, year, k);
    } finally {
      if (--k.claims === 0 && known.get(key) === k) known.delete(key);
    }
  };
}

const claimNextSeq = ticketNumberDispenser();

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

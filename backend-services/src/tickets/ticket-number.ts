import type { Types } from 'mongoose';
import { isDuplicateKeyError } from '../platform/db/mongo.ts';
import { WorkOrderModel } from './work-order.model.ts';

export function formatTicketNumber(year: number, seq: number): string {
  return `TKT-${year}-${String(seq).padStart(4, '0')}`;
}

const MAX_ATTEMPTS = 200;

/**
 * Inserts a work order under the next free `TKT-<year>-<seq>` of its tenant. FerretDB has no atomic
 * `$inc`, so there is no counter: we read the current maximum, try max+1, and let the unique index on
 * (tenantId, ticketNumber) decide. A loser re-reads the maximum and tries again after a short, jittered
 * pause, so concurrent creates spread out instead of colliding in lock-step. Correct on MongoDB too.
 */
export async function insertWithNextTicketNumber<T extends Record<string, unknown>>(
  tenantId: Types.ObjectId | string,
  doc: T,
  now: Date,
): Promise<InstanceType<typeof WorkOrderModel>> {
  const year = now.getUTCFullYear();
  let candidate = (await currentMaxSeq(tenantId, year)) + 1;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      return await WorkOrderModel.create({ ...doc, tenantId, ticketYear: year, ticketSeq: candidate, ticketNumber: formatTicketNumber(year, candidate) });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    await sleep(Math.min(5 * attempt, 50) * Math.random());
    candidate = Math.max(candidate + 1, (await currentMaxSeq(tenantId, year)) + 1);
  }
  throw new Error(`could not allocate a ticket number after ${MAX_ATTEMPTS} attempts`);
}

async function currentMaxSeq(tenantId: Types.ObjectId | string, year: number): Promise<number> {
  const top = await WorkOrderModel.findOne({ tenantId, ticketYear: year }, { ticketSeq: 1 }).sort({ ticketSeq: -1 }).lean();
  return top?.ticketSeq ?? 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

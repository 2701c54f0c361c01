import mongoose from 'mongoose';

/**
 * One connection per process. `autoIndex` builds the indexes each model declares: FerretDB only
 * enforces the unique ones (reads scan), production MongoDB uses them all.
 */
/**
 * Timeouts short enough that a request never waits long for a database that is away (it answers 503,
 * see db-availability.ts), and a heartbeat frequent enough that the process notices its return within
 * a second or two, by itself.
 */
export const DATABASE_TIMEOUTS = { serverSelectionTimeoutMS: 1_500, heartbeatFrequencyMS: 1_000 } as const;

/**
 * The first batch of a find holds 101 documents unless told otherwise, and each further batch is
 * one more round trip (a getMore). A read that is wanted whole (the queue's rows) asks for it in one.
 */
export const WHOLE_RESULT_BATCH = 100_000;

export async function connectDatabase(uri: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  mongoose.set('bufferTimeoutMS', DATABASE_TIMEOUTS.serverSelectionTimeoutMS);
  // Otherwise every query captures a stack trace (through source maps under tsx: ~5% of the CPU)
  // only to decorate the rare "query was already executed" error.
  mongoose.set('skipOriginalStackTraces', true);
  // At start-up the database may come up a moment after us: try for a while before giving up.
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      return await mongoose.connect(uri, { ...DATABASE_TIMEOUTS, autoIndex: true });
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

export async function pingDatabase(): Promise<boolean> {
  try {
    const db = mongoose.connection.db;
    if (!db) return false;
    await db.admin().ping();
    return true;
  } catch {
    return false;
  }
}

/**
 * True for a duplicate-key error, the signal that another writer won a unique-index race. FerretDB
 * answers an insert with 11000 but an UPDATE that breaks a unique index with code 1 and SQLite's
 * "UNIQUE constraint failed" (the update is not applied); MongoDB says 11000 for both.
 */
export function isDuplicateKeyError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: number; message?: string };
  return code === 11000 || (code === 1 && /UNIQUE constraint failed/.test(message ?? ''));
}

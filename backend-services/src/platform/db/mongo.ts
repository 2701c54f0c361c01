import mongoose from 'mongoose';

/**
 * One connection per process. `autoIndex` builds the indexes each model declares: FerretDB only
 * enforces the unique ones (reads scan), production MongoDB uses them all.
 */
export async function connectDatabase(uri: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  return mongoose.connect(uri, { serverSelectionTimeoutMS: 5_000, autoIndex: true });
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

import mongoose from 'mongoose';

type WriteError = { index: number; code?: number };

/**
 * Inserts every document it can in one batch (`ordered: false`) and returns the ones this call
 * inserted: a duplicate key means another writer (or an earlier try) already did, which is the point.
 * Any other write error is thrown. Documents go to the driver as they are: pass ObjectIds and Dates.
 */
export async function insertEach<T extends { _id: unknown }>(
  model: { collection: mongoose.Collection },
  docs: T[],
): Promise<T[]> {
  if (!docs.length) return [];
  // The driver would store an undefined field as null; mongoose leaves it out: do as mongoose does.
  const clean = docs.map((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)));
  try {
    await model.collection.insertMany(clean as never[], { ordered: false });
    return docs;
  } catch (err) {
    if (!(err instanceof mongoose.mongo.MongoBulkWriteError)) throw err;
    const raw = err.writeErrors as unknown as WriteError | WriteError[];
    const list = Array.isArray(raw) ? raw : [raw];
    if (list.some((e) => e.code !== 11000)) throw err;
    const failed = new Set(list.map((e) => e.index));
    return docs.filter((_, i) => !failed.has(i));
  }
}

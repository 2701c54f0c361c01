import mongoose from 'mongoose';
import { coverageOf, coverageTable, type DeclaredIndex } from './coverage.ts';
import { readRecordedShapes, SHAPES_DIR } from './recorder.ts';
import { ttlIndexes } from '../../sweeps/ttl-indexes.ts';
// Registers every model the app uses (the routers import the services, which import the models).
import '../../../app.ts';

/**
 * Run after the API suite: every query shape the app sent must be served by an index its model declares
 * (MongoDB uses them in production; FerretDB does not). Prints the table; exits 1 on any shape not served.
 */
const declared: DeclaredIndex[] = Object.values(mongoose.models).flatMap((model) =>
  model.schema.indexes().map(([keys, options]) => ({
    collection: model.collection.collectionName,
    keys: Object.keys(keys),
    unique: Boolean((options as { unique?: boolean } | undefined)?.unique),
  })),
);
// The expiry indexes the sweeps declare on MongoDB at start (platform/sweeps/ttl-indexes.ts).
const ttl: DeclaredIndex[] = ttlIndexes({ sessions: { idleMinutes: 30, absoluteHours: 24 } }).map((i) => ({
  collection: i.collection.collectionName,
  keys: [i.field],
}));
const indexes = [...declared, ...ttl];
/** Reads of a whole collection that are the point of the job, each with why. */
const WHOLE_COLLECTION_ON_PURPOSE: Record<string, string> = {
  ticketattachments: 'the orphan-file sweep lists every stored file a row names (storage/orphan-sweep.ts)',
};
const shapes = readRecordedShapes();
if (shapes.length === 0) {
  console.error(`No query shapes recorded in ${SHAPES_DIR}: run the backend API suite first.`);
  process.exit(1);
}
const rows = shapes
  .filter((s) => !(s.filter.length === 0 && WHOLE_COLLECTION_ON_PURPOSE[s.collection]))
  .map((shape) => coverageOf(shape, indexes));
for (const [collection, why] of Object.entries(WHOLE_COLLECTION_ON_PURPOSE))
  console.log(`  ${collection.padEnd(24)} {} → whole collection on purpose: ${why}`);
const missing = rows.filter((r) => !r.index);
console.log(coverageTable(rows));
console.log(
  `\n${rows.length} query shapes, ${rows.length - missing.length} served by a declared index, ${missing.length} not.`,
);
process.exit(missing.length ? 1 : 0);

import mongoose from 'mongoose';
import { coverageOf, coverageTable, type DeclaredIndex } from './coverage.ts';
import { readRecordedShapes, SHAPES_DIR } from './recorder.ts';
// Registers every model the app uses (the routers import the services, which import the models).
import '../../../app.ts';

/**
 * Run after the API suite: every query shape the app sent must be served by an index its model declares
 * (MongoDB uses them in production; FerretDB does not). Prints the table; exits 1 on any shape not served.
 */
const indexes: DeclaredIndex[] = Object.values(mongoose.models).flatMap((model) =>
  model.schema.indexes().map(([keys]) => ({ collection: model.collection.collectionName, keys: Object.keys(keys) })),
);
const shapes = readRecordedShapes();
if (shapes.length === 0) {
  console.error(`No query shapes recorded in ${SHAPES_DIR}: run the backend API suite first.`);
  process.exit(1);
}
const rows = shapes.map((shape) => coverageOf(shape, indexes));
const missing = rows.filter((r) => !r.index);
console.log(coverageTable(rows));
console.log(
  `\n${rows.length} query shapes, ${rows.length - missing.length} served by a declared index, ${missing.length} not.`,
);
process.exit(missing.length ? 1 : 0);

import fs from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { shapeKey, shapesOf, type QueryShape } from './query-shape.ts';

/** Where the API suite's processes write the shapes they saw, one file per process. */
export const SHAPES_DIR = path.resolve(import.meta.dirname, '../../../../../.data/query-shapes');

/**
 * Records the shape of every query the app sends (through mongoose's debug hook), once per shape, so the
 * index coverage check can run after the API suite. Queries that a test file makes itself (to look at the
 * database) are not the app's and are left out: their call stack has no frame in the app's source.
 */
export function recordQueryShapes(dir = SHAPES_DIR): void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `shapes-${process.pid}.jsonl`);
  const seen = new Set<string>();
  mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
    const shapes = shapesOf(collection, method, args).filter((s) => !seen.has(shapeKey(s)));
    if (!shapes.length || !calledFromApp(new Error().stack ?? '')) return;
    for (const shape of shapes) {
      seen.add(shapeKey(shape));
      fs.appendFileSync(file, `${JSON.stringify(shape)}\n`);
    }
  });
}

const APP_FRAME = /backend-services\/src\/(?!.*(\.test\.ts|test-kit\.ts|\/seed\/|\/index-coverage\/))[^:)]+\.ts/;
const calledFromApp = (stack: string) => stack.split('\n').some((line) => APP_FRAME.test(line));

export function readRecordedShapes(dir = SHAPES_DIR): QueryShape[] {
  if (!fs.existsSync(dir)) return [];
  const all = new Map<string, QueryShape>();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl')))
    for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n').filter(Boolean)) {
      const shape = JSON.parse(line) as QueryShape;
      all.set(shapeKey(shape), shape);
    }
  return [...all.values()];
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { percentile, summarise } from './stats.ts';
import { startWireCounter, type WireCounter } from './wire-counter.ts';

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles over every request of every round', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([], 95)).toBe(0);
    const s = summarise([
      { latencies: [10, 20], errors: 0, seconds: 1 },
      { latencies: [30, 40], errors: 1, seconds: 1 },
    ]);
    expect(s).toMatchObject({ rps: 2, p50: 20, p99: 40, requests: 4, errors: 1 });
  });
});

describe('the wire counter in front of the database', () => {
  let counter: WireCounter;
  let connection: mongoose.Connection;
  beforeAll(async () => {
    const base = new URL(inject('mongoBaseUri'));
    counter = await startWireCounter({ host: base.hostname, port: Number(base.port) });
    connection = await mongoose
      .createConnection(`mongodb://127.0.0.1:${counter.port}/bench_${randomBytes(4).toString('hex')}`)
      .asPromise();
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
    await counter.close();
  });

  it('counts each command a client sends, by name, and leaves out the driver’s own handshakes', async () => {
    counter.reset();
    const things = connection.db!.collection('things');
    await things.insertOne({ n: 1 });
    await things.find({ n: 1 }).toArray();
    await things.find({ n: 2 }).toArray();
    await things.updateOne({ n: 1 }, { $set: { n: 3 } });
    expect(counter.counts()).toEqual({ insert: 1, find: 2, update: 1 });
    expect(counter.total()).toBe(4);
  });
});

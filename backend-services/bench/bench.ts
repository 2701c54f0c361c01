import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import autocannon from 'autocannon';
import { ROOT, FIREBASE_PROJECT_ID, startFerretDb } from '../../tools/stack/services.ts';
import { installExitHandlers, startProcess, waitFor } from '../../tools/stack/processes.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../src/platform/auth/session-cookie.ts';
import { startMailCounter } from './mail-counter.ts';
import { startWireCounter, type WireCounter } from './wire-counter.ts';
import { dropBenchDatabase, seedBenchWorld, type BenchWorld } from './bench-data.ts';
import { summarise, type Sample, type Summary } from './stats.ts';
import { printReport, type Row } from './report.ts';

/**
 * `pnpm bench`: the API's hot paths against a bare Express + mongoose floor doing the same main query
 * on the same FerretDB database, in one run, rounds interleaved (app, floor, app, floor…) so both see
 * the same machine. Prints req/s, p50/p95/p99, the ratio to the floor and database round trips per
 * request (counted by a wire proxy in front of the database), at each size of the ticket collection.
 *
 *   pnpm bench [--sizes 300,2000] [--rounds 3] [--requests 200] [--creates 60] [--connections 10]
 *
 * Each round sends a fixed number of requests and waits for all of them (none is cut off at a deadline),
 * so the commands the wire proxy counts belong to exactly the requests that were answered.
 */
const args = parseArgs(process.argv.slice(2));
const SIZES = (args.sizes ?? '300,2000').split(',').map(Number);
const ROUNDS = Number(args.rounds ?? 3);
const REQUESTS_PER_ROUND = Number(args.requests ?? 200);
const CONNECTIONS = Number(args.connections ?? 10);
/** Fewer creates: each adds a row, and both targets must add the same number to the collection. */
const CREATES_PER_ROUND = Number(args.creates ?? 60);
/** Every port can be moved (BENCH_*_PORT) so two worktrees can measure on one machine. */
const PORTS = {
  ferret: Number(process.env.BENCH_FERRETDB_PORT ?? 27311),
  smtp: Number(process.env.BENCH_SMTP_PORT ?? 2811),
  app: Number(process.env.BENCH_APP_PORT ?? 4311),
  floor: Number(process.env.BENCH_FLOOR_PORT ?? 4312),
};
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const BACKEND = path.join(ROOT, 'backend-services');
const CSRF = randomBytes(24).toString('base64url');
const NEW_TICKET = {
  title: 'Internet is very slow',
  description: 'Speeds drop below 5 Mbps every evening since Monday.',
  category: 'slow-speed',
  priority: 'medium',
};

type Target = 'app' | 'floor';
type Endpoint = {
  name: string;
  request(world: BenchWorld, target: Target): autocannon.Options;
  /** Requests per round when not REQUESTS_PER_ROUND. */
  amount?: number;
  target?: { throughput: number; p95?: number };
};

const ENDPOINTS: Endpoint[] = [
  {
    name: 'customer ticket list',
    target: { throughput: 0.6, p95: 1.5 },
    request: (w, t) =>
      t === 'app'
        ? customerRequest(w, `/api/work-orders/customer/${w.customerId}`)
        : { url: `http://127.0.0.1:${PORTS.floor}/list` },
  },
  {
    name: 'ticket detail',
    target: { throughput: 0.6, p95: 1.5 },
    request: (w, t) =>
      t === 'app'
        ? customerRequest(w, `/api/work-orders/customer/${w.customerId}/${w.detailTicketId}`)
        : { url: `http://127.0.0.1:${PORTS.floor}/detail/${w.detailTicketId}` },
  },
  {
    name: 'staff queue',
    request: (w, t) =>
      t === 'app'
        ? { url: `http://127.0.0.1:${PORTS.app}/api/work-orders?view=open`, headers: headersFor(w.staffToken) }
        : { url: `http://127.0.0.1:${PORTS.floor}/queue` },
  },
  {
    name: 'create ticket',
    amount: CREATES_PER_ROUND,
    target: { throughput: 0.25 },
    request: (w, t) => ({
      ...(t === 'app'
        ? customerRequest(w, `/api/work-orders/customer/${w.customerId}`)
        : { url: `http://127.0.0.1:${PORTS.floor}/create`, headers: {} }),
      method: 'POST',
      body: JSON.stringify(NEW_TICKET),
      headers: {
        ...(t === 'app' ? headersFor(w.customerToken) : {}),
        'content-type': 'application/json',
      },
    }),
  },
];

function headersFor(sessionToken: string): Record<string, string> {
  return {
    cookie: `${SESSION_COOKIE}=${sessionToken}; ${CSRF_COOKIE}=${CSRF}`,
    'x-csrf-token': CSRF,
    'x-forwarded-host': 'bench.localhost',
  };
}

function customerRequest(w: BenchWorld, pathname: string): autocannon.Options {
  return { url: `http://127.0.0.1:${PORTS.app}${pathname}`, headers: headersFor(w.customerToken) };
}

/** One autocannon run; every latency is kept so percentiles are over all rounds, not averaged. */
function load(options: autocannon.Options, endpoint: Endpoint): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let errors = 0;
    const instance = autocannon(
      {
        ...options,
        connections: CONNECTIONS,
        amount: endpoint.amount ?? REQUESTS_PER_ROUND,
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({ latencies, errors: errors + result.errors + result.timeouts, seconds: result.duration });
      },
    );
    instance.on('response', (_client, status: number, _bytes, responseTime: number) => {
      if (status >= 400) errors++;
      latencies.push(responseTime);
    });
  });
}

async function measure(world: BenchWorld, endpoint: Endpoint, counters: Record<Target, WireCounter>) {
  const samples: Record<Target, Sample[]> = { app: [], floor: [] };
  const trips: Record<Target, { commands: number; requests: number; byName: Record<string, number> }> = {
    app: { commands: 0, requests: 0, byName: {} },
    floor: { commands: 0, requests: 0, byName: {} },
  };
  for (const target of ['app', 'floor'] as const) {
    await load(endpoint.request(world, target), { ...endpoint, amount: 20 }); // warm-up, not counted
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const target of ['app', 'floor'] as const) {
      const counter = counters[target];
      const idleRate = await idleCommandsPerSecond(counter);
      counter.reset();
      const sample = await load(endpoint.request(world, target), endpoint);
      const background = Math.round(idleRate * sample.seconds);
      trips[target].commands += Math.max(0, counter.total() - background);
      trips[target].requests += sample.latencies.length;
      for (const [name, n] of Object.entries(counter.counts()))
        trips[target].byName[name] = (trips[target].byName[name] ?? 0) + n;
      samples[target].push(sample);
    }
  }
  const result = (t: Target): Summary & { roundTrips: number; byName: Record<string, number> } => ({
    ...summarise(samples[t]),
    roundTrips: trips[t].requests ? trips[t].commands / trips[t].requests : 0,
    byName: Object.fromEntries(
      Object.entries(trips[t].byName).map(([k, v]) => [
        k,
        trips[t].requests ? Math.round((v / trips[t].requests) * 100) / 100 : 0,
      ]),
    ),
  });
  return { app: result('app'), floor: result('floor') };
}

/** Commands the process sends with no load (outbox polling, sweeps), subtracted from a round's count. */
async function idleCommandsPerSecond(counter: WireCounter): Promise<number> {
  counter.reset();
  await new Promise((r) => setTimeout(r, 1_000));
  return counter.total();
}

async function benchSize(size: number): Promise<Row[]> {
  const dbName = `bench_${size}_${randomBytes(4).toString('hex')}`;
  const mongoUri = (port: number) => `mongodb://127.0.0.1:${port}/${dbName}`;
  await mongoose.connect(mongoUri(PORTS.ferret));
  await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
  console.log(`\n— ${size} work orders: seeding…`);
  const world = await seedBenchWorld(size);
  const counters = {
    app: await startWireCounter({ host: '127.0.0.1', port: PORTS.ferret }),
    floor: await startWireCounter({ host: '127.0.0.1', port: PORTS.ferret }),
  };
  // Not quiet: with LOG_LEVEL=warn only what went wrong is printed.
  const app = startProcess('backend', process.execPath, [TSX, 'src/server.ts'], {
    cwd: BACKEND,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: String(PORTS.app),
      MONGODB_URI: mongoUri(counters.app.port),
      FIREBASE_PROJECT_ID,
      // Customer and staff sessions are read from the database: no request here reaches Firebase.
      FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9',
      SMTP_URL: `smtp://127.0.0.1:${PORTS.smtp}`,
      PORTAL_URL_TEMPLATE: 'http://{tenant}.localhost:5999',
      UPLOAD_DIR: path.join(ROOT, '.data', 'bench-uploads'),
    },
  });
  const floor = startProcess('floor', process.execPath, [TSX, 'bench/floor.ts'], {
    cwd: BACKEND,
    env: {
      ...process.env,
      PORT: String(PORTS.floor),
      MONGODB_URI: mongoUri(counters.floor.port),
      FLOOR_TENANT_ID: String(world.tenant._id),
      FLOOR_CUSTOMER_ID: world.customerId,
    },
  });
  const rows: Row[] = [];
  try {
    // Any answer will do: health reports the Auth emulator, which the benchmark does not start.
    await waitFor('backend', () => answers(`http://127.0.0.1:${PORTS.app}/api/health`), 120_000, app.exited);
    await waitFor('floor', () => answers(`http://127.0.0.1:${PORTS.floor}/list`), 120_000, floor.exited);
    for (const endpoint of ENDPOINTS) {
      process.stdout.write(`  ${endpoint.name}… `);
      const { app: a, floor: f } = await measure(world, endpoint, counters);
      console.log(`app ${a.rps.toFixed(0)} req/s, floor ${f.rps.toFixed(0)} req/s`);
      if (a.errors || f.errors) console.log(`  ! errors: app ${a.errors}, floor ${f.errors}`);
      rows.push({ endpoint: endpoint.name, size, app: a, floor: f, target: endpoint.target });
    }
  } finally {
    await app.stop();
    await floor.stop();
    await counters.app.close();
    await counters.floor.close();
    await dropBenchDatabase();
    await mongoose.disconnect();
  }
  return rows;
}

async function answers(url: string) {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--') && a.length > 2) out[a.slice(2)] = argv[++i] ?? '';
  }
  return out;
}

const stops: (() => Promise<void>)[] = [];
installExitHandlers(async () => {
  for (const stop of stops.reverse()) await stop();
});
const dataDir = path.join(ROOT, '.data', 'bench-ferretdb');
fs.rmSync(dataDir, { recursive: true, force: true });
const ferret = await startFerretDb({ port: PORTS.ferret, dataDir, quiet: true });
stops.push(ferret.stop);
const mail = await startMailCounter(PORTS.smtp);
stops.push(mail.stop);
let code = 0;
try {
  const rows: Row[] = [];
  for (const size of SIZES) rows.push(...(await benchSize(size)));
  code = printReport(rows, {
    rounds: ROUNDS,
    requests: REQUESTS_PER_ROUND,
    connections: CONNECTIONS,
    creates: CREATES_PER_ROUND,
  });
  const out = path.join(ROOT, '.data', 'bench', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(rows, null, 2));
  console.log(`\nMails received by the SMTP server: ${mail.received()}`);
  console.log(`Raw figures: ${path.relative(ROOT, out)}`);
} finally {
  for (const stop of stops.reverse()) await stop();
}
process.exit(code);

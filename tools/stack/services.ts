import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProcess, tcpOpen, waitFor, httpOk, assertPortFree } from './processes.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIREBASE_PROJECT_ID = 'demo-wisp-portal';
const FERRETDB_DIR = path.join(ROOT, 'tools/ferretdb');
const FERRETDB_BIN = path.join(ROOT, '.cache/bin/ferretdb');

/** Builds the embedded FerretDB only when the binary is missing or older than its module files. */
export function ensureFerretDbBinary() {
  const sources = ['go.mod', 'go.sum', 'main.go'].map((f) => fs.statSync(path.join(FERRETDB_DIR, f)).mtimeMs);
  const built = fs.existsSync(FERRETDB_BIN) ? fs.statSync(FERRETDB_BIN).mtimeMs : 0;
  if (built >= Math.max(...sources)) return;
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error('Go is needed to build the embedded FerretDB database. Install Go 1.24 or newer.');
  }
  console.log('Building FerretDB (first run only: about 2–4 minutes)…');
  execFileSync('go', ['build', '-o', FERRETDB_BIN, '.'], {
    cwd: FERRETDB_DIR,
    stdio: 'inherit',
    env: { ...process.env, CGO_ENABLED: '0' },
  });
}

export async function startFerretDb({ port, dataDir, quiet }: { port: number; dataDir: string; quiet?: boolean }) {
  ensureFerretDbBinary();
  await assertPortFree(port, 'FerretDB', 'FERRETDB_PORT');
  fs.mkdirSync(dataDir, { recursive: true });
  const service = startProcess('ferretdb', FERRETDB_BIN, ['-listen-addr', `127.0.0.1:${port}`, '-data-dir', dataDir], {
    quiet,
  });
  await waitFor('FerretDB', () => tcpOpen(port), 30_000, service.exited);
  return service;
}

/**
 * The Firebase Auth emulator, started once per run: it needs 20–40 s to become ready. Its hub and
 * logging ports are set too, so a demo and a test run can share a machine.
 */
export async function startAuthEmulator({ port, quiet }: { port: number; quiet?: boolean }) {
  await assertPortFree(port, 'Firebase Auth emulator', 'AUTH_EMULATOR_PORT');
  const configDir = path.join(ROOT, '.cache', `firebase-${port}`);
  fs.mkdirSync(configDir, { recursive: true });
  fs.writeFileSync(
    path.join(configDir, 'firebase.json'),
    JSON.stringify({
      emulators: {
        auth: { host: '127.0.0.1', port },
        hub: { host: '127.0.0.1', port: port + 1 },
        logging: { host: '127.0.0.1', port: port + 2 },
        ui: { enabled: false },
        singleProjectMode: true,
      },
    }),
  );
  const cli = path.join(ROOT, 'node_modules/firebase-tools/lib/bin/firebase.js');
  if (!fs.existsSync(cli)) throw new Error('firebase-tools is not installed: run pnpm install first.');
  const service = startProcess(
    'auth',
    process.execPath,
    [cli, 'emulators:start', '--only', 'auth', '--project', FIREBASE_PROJECT_ID, '--config', 'firebase.json'],
    { cwd: configDir, env: { ...process.env, CI: 'true' }, quiet },
  );
  await waitFor('Firebase Auth emulator', () => httpOk(`http://127.0.0.1:${port}/`), 120_000, service.exited);
  return service;
}

/** Whether Debian's redis-server is installed (scripts/test.sh and demo.sh install it). */
export function redisServerInstalled(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Redis for the event bus across backend processes: in memory only (`--save ''`, no AOF), on loopback.
 * Started once per test run (and by the demo when installed).
 */
export async function startRedis({ port, quiet }: { port: number; quiet?: boolean }) {
  if (!redisServerInstalled()) throw new Error('redis-server is not installed: apt-get install -y redis-server');
  await assertPortFree(port, 'Redis', 'REDIS_PORT');
  const service = startProcess(
    'redis',
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
    { quiet },
  );
  await waitFor('Redis', () => tcpOpen(port), 15_000, service.exited);
  return { ...service, url: `redis://127.0.0.1:${port}` };
}

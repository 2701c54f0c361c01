import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, FIREBASE_PROJECT_ID } from './services.ts';
import { assertPortFree, httpOk, startProcess, waitFor } from './processes.ts';
import type { SeedSummary } from '../../backend-services/src/seed/seed.ts';
export type { SeedSummary };
import type { portsFor } from './ports.ts';

export type AppEnv = {
  mongoUri: string;
  authPort: number;
  smtpPort: number;
  backendPort: number;
  webPort: number;
  /** Set when Redis runs: the backend's live updates then reach every backend process. */
  redisUrl?: string;
};

/** The app processes' settings for one stack: its ports and the database they share. */
export function appEnvFor(ports: ReturnType<typeof portsFor>, database: string): AppEnv {
  return {
    mongoUri: `mongodb://127.0.0.1:${ports.ferret}/${database}`,
    authPort: ports.auth,
    smtpPort: ports.smtp,
    backendPort: ports.backend,
    webPort: ports.web,
  };
}

/** Absolute, so every process finds the same files whatever its working directory. */
export const SHARED_UPLOAD_DIR = path.join(ROOT, '.data', 'uploads');

export function backendEnv(e: AppEnv): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV ?? 'development',
    MONGODB_URI: e.mongoUri,
    FIREBASE_PROJECT_ID,
    FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${e.authPort}`,
    SMTP_URL: `smtp://127.0.0.1:${e.smtpPort}`,
    PORT: String(e.backendPort),
    PORTAL_URL_TEMPLATE: `http://{tenant}.localhost:${e.webPort}`,
    // One storage location for every backend process (demo, e2e, a second instance), as production has.
    UPLOAD_DIR: SHARED_UPLOAD_DIR,
    ...(e.redisUrl ? { REDIS_URL: e.redisUrl } : {}),
  };
}

const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const BACKEND = path.join(ROOT, 'backend-services');
const WEB = path.join(ROOT, 'Module_Manager');

/** Seeds the demo data (idempotent) and returns the summary the seed prints. */
export function runSeed(e: AppEnv): SeedSummary {
  const out = execFileSync(process.execPath, [TSX, 'src/seed/seed.cli.ts'], {
    cwd: BACKEND,
    env: backendEnv(e),
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!) as SeedSummary;
}

/** The portal's production build (run with Node in Module_Manager). */
export const buildWebArgs = () => [path.join(WEB, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'];

export function buildWeb() {
  execFileSync(process.execPath, buildWebArgs(), { cwd: WEB, stdio: 'inherit' });
}

export async function startBackend(e: AppEnv, opts: { quiet?: boolean } = {}) {
  await assertPortFree(e.backendPort, 'backend-services', 'BACKEND_PORT');
  const service = startProcess('backend', process.execPath, [TSX, 'src/server.ts'], {
    cwd: BACKEND,
    env: { ...backendEnv(e), LOG_LEVEL: opts.quiet ? 'warn' : 'info' },
    quiet: opts.quiet,
  });
  await waitFor(
    'backend-services',
    () => httpOk(`http://127.0.0.1:${e.backendPort}/api/health`),
    60_000,
    service.exited,
  );
  return service;
}

export async function startWeb(e: AppEnv, opts: { quiet?: boolean } = {}) {
  await assertPortFree(e.webPort, 'portal web server', 'WEB_PORT');
  const service = startProcess('web', process.execPath, ['server/index.js'], {
    cwd: WEB,
    env: {
      ...process.env,
      PORT: String(e.webPort),
      HOST: '127.0.0.1',
      BACKEND_URL: `http://127.0.0.1:${e.backendPort}`,
      // adapter-node: the portal is served on many hosts (one per tenant); the Host header decides the origin.
      HOST_HEADER: 'host',
      PROTOCOL_HEADER: 'x-forwarded-proto',
      BODY_SIZE_LIMIT: '60M',
    },
    quiet: opts.quiet,
  });
  await waitFor('portal web server', () => httpOk(`http://127.0.0.1:${e.webPort}/`), 30_000, service.exited);
  return service;
}

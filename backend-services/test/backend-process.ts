import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import supertest from 'supertest';
import { FIREBASE_PROJECT_ID, ROOT } from '../../tools/stack/services.ts';
import { workerAuthEmulatorHost } from './auth-emulator.ts';

const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const BACKEND = path.join(ROOT, 'backend-services');

export type BackendProcess = Awaited<ReturnType<typeof startBackendProcess>>;

/**
 * A real backend process (`src/server.ts`, as production runs it) on a free port: nothing shared in
 * memory with the test or with another process, only the database, Redis, SMTP and the upload
 * directory it is given. For the multi-process and fault suites.
 */
export async function startBackendProcess(env: {
  MONGODB_URI: string;
  SMTP_URL: string;
  UPLOAD_DIR: string;
  REDIS_URL?: string;
  [name: string]: string | undefined;
}) {
  const logs: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [TSX, 'src/server.ts'], {
    cwd: BACKEND,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: '0',
      FIREBASE_PROJECT_ID,
      FIREBASE_AUTH_EMULATOR_HOST: workerAuthEmulatorHost(),
      PORTAL_URL_TEMPLATE: 'http://{tenant}.localhost:5999',
      LOG_LEVEL: 'info',
      TICKET_EVENTS_HEARTBEAT_SECONDS: '1',
      SHUTDOWN_GRACE_SECONDS: '5',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: tsx runs the server in a child process, which a SIGKILL of tsx alone
    // would leave running (an orphan on the shared database and ports).
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`backend did not start:\n${logs.join('\n')}`)), 45_000);
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        logs.push(line);
        const m = /"port":(\d+).*listening/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`backend exited (${code}) before listening:\n${logs.join('\n')}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    port,
    logs,
    exited,
    /** A cookie-keeping client for the portal of `tenantSlug`, as the web server would forward it. */
    client(tenantSlug: string | null) {
      const agent = supertest.agent(baseUrl);
      if (tenantSlug) agent.set('X-Forwarded-Host', `${tenantSlug}.localhost`);
      return agent;
    },
    /**
     * SIGTERM (graceful: tsx hands it to the server) by default; SIGKILL kills the whole group, the
     * server with it. Resolves with the exit code.
     */
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      const killGroup = () => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      };
      if (child.exitCode === null && child.signalCode === null) {
        if (signal === 'SIGKILL') killGroup();
        else child.kill(signal);
      }
      const timer = setTimeout(killGroup, 15_000);
      const code = await exited;
      clearTimeout(timer);
      killGroup();
      return code;
    },
  };
}

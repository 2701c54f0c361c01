import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import supertest from 'supertest';
import { inject } from 'vitest';
import { parseConfig, type TConfig } from '../src/config.ts';
import { createLogger } from '../src/platform/http/logger.ts';
import { firebaseAuth } from '../src/platform/auth/firebase.ts';
import { createApp } from '../src/app.ts';
import { startMailCatcher, type MailCatcher } from './mail-catcher.ts';
import { workerAuthEmulatorHost } from './auth-emulator.ts';
import { FIREBASE_PROJECT_ID } from '../../tools/stack/services.ts';
import { createMailTransport } from '../src/notifications/mailer.ts';
import { startOutboxWorker } from '../src/notifications/outbox.service.ts';
import { inProcessEventBus, useEventBus } from '../src/platform/events/event-bus.ts';
import { redisEventBus } from '../src/platform/events/redis-event-bus.ts';
import type { Lifecycle } from '../src/platform/http/lifecycle.ts';
import { recordQueryShapes } from '../src/platform/db/index-coverage/recorder.ts';
import { reportResponseChecks } from './response-checks.ts';

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/**
 * Starts the real app on port 0 against a fresh database on the shared FerretDB, this worker's Auth
 * emulator (accounts wiped first) and an in-process SMTP server. Call once per test file (beforeAll).
 */
export async function startTestApp(overrides: Partial<Record<keyof TConfig, string>> = {}) {
  const mongoBaseUri = inject('mongoBaseUri');
  const authEmulatorHost = workerAuthEmulatorHost();
  const dbName = `test_${randomBytes(6).toString('hex')}`;
  process.env.FIREBASE_AUTH_EMULATOR_HOST = authEmulatorHost;
  await clearEmulatorAccounts(authEmulatorHost);
  const mail: MailCatcher = await startMailCatcher();
  const config = parseConfig({
    NODE_ENV: 'test',
    MONGODB_URI: `${mongoBaseUri}/${dbName}`,
    FIREBASE_PROJECT_ID,
    FIREBASE_AUTH_EMULATOR_HOST: authEmulatorHost,
    SMTP_URL: mail.url,
    PORTAL_URL_TEMPLATE: 'http://{tenant}.localhost:5999',
    UPLOAD_DIR: `.data/test-uploads/${dbName}`,
    LOG_LEVEL: 'silent',
    ...overrides,
  });
  recordQueryShapes();
  await mongoose.connect(config.MONGODB_URI, { serverSelectionTimeoutMS: 5_000 });
  await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
  const auth = firebaseAuth(FIREBASE_PROJECT_ID);
  const logger = createLogger('silent');
  // With REDIS_URL this process's live updates go through Redis, as each production process's do.
  const bus = config.REDIS_URL ? redisEventBus(config.REDIS_URL, logger) : inProcessEventBus();
  useEventBus(bus);
  const app = createApp({ config, logger, auth });
  const instances: Server[] = [];
  const startWorker = () =>
    startOutboxWorker({ transport: createMailTransport(config.SMTP_URL), from: config.MAIL_FROM, logger, pollMs: 100 });
  let outbox = startWorker();
  const server = await listen(app);
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    config,
    auth,
    mail,
    get outbox() {
      return outbox;
    },
    /** Stops this process's outbox worker and starts a fresh one, as a restarted process would. */
    async restartOutbox() {
      await outbox.stop();
      outbox = startWorker();
      return outbox;
    },
    baseUrl,
    server,
    lifecycle: app.locals.lifecycle as Lifecycle,
    /** A cookie-keeping HTTP client that speaks to the portal of `tenantSlug`, as the browser would. */
    client: clientOf(server),
    /**
     * A second backend process, as production runs several: its own app and listener on the same
     * database and configuration (`overrides` change it), sharing nothing in memory with the first.
     */
    async anotherInstance(overrides: Partial<TConfig> = {}) {
      const other = await listen(createApp({ config: { ...config, ...overrides }, logger, auth }));
      instances.push(other);
      return { client: clientOf(other) };
    },
    async close() {
      for (const other of instances) await closeServer(other);
      await outbox.stop();
      await closeServer(server);
      await mongoose.connection.dropDatabase().catch(() => {});
      await mongoose.disconnect();
      await mail.close();
      await bus.close();
      useEventBus(inProcessEventBus());
      reportResponseChecks();
    },
  };
}

function listen(app: ReturnType<typeof createApp>): Promise<Server> {
  return new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
}

async function closeServer(server: Server) {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

const clientOf = (server: Server) => (tenantSlug: string | null) => {
  const agent = supertest.agent(server);
  if (tenantSlug) agent.set('X-Forwarded-Host', `${tenantSlug}.localhost`);
  return agent;
};

export async function clearEmulatorAccounts(authEmulatorHost: string) {
  const res = await fetch(`http://${authEmulatorHost}/emulator/v1/projects/${FIREBASE_PROJECT_ID}/accounts`, {
    method: 'DELETE',
  });
  if (!res.ok) throw new Error(`could not clear emulator accounts: ${res.status}`);
}

/** Out-of-band codes (verification, password reset) the emulator has issued for `email`, newest last. */
export async function emulatorOobCodes(email: string) {
  const host = workerAuthEmulatorHost();
  const res = await fetch(`http://${host}/emulator/v1/projects/${FIREBASE_PROJECT_ID}/oobCodes`);
  const body = (await res.json()) as {
    oobCodes: { email: string; oobCode: string; oobLink: string; requestType: string }[];
  };
  return body.oobCodes.filter((c) => c.email.toLowerCase() === email.toLowerCase());
}

import type { Server } from 'node:http';
import { ConfigError, parseConfig } from './config.ts';
import { createLogger } from './platform/http/logger.ts';
import { connectDatabase, disconnectDatabase } from './platform/db/mongo.ts';
import { firebaseAuth } from './platform/auth/firebase.ts';
import { createApp } from './app.ts';
import { createMailTransport } from './notifications/mailer.ts';
import { startOutboxWorker } from './notifications/outbox.service.ts';
import { sessionPolicyOf } from './platform/auth/session.service.ts';
import { startSweeper } from './platform/sweeps/sweeps.ts';
import { declareTtlIndexes } from './platform/sweeps/ttl-indexes.ts';
import { eventBus, useEventBus } from './platform/events/event-bus.ts';
import { eventBusFor } from './platform/events/bus-setup.ts';
import { shutDownGracefully, type Lifecycle } from './platform/http/lifecycle.ts';
import { sweepOrphanedFiles } from './storage/orphan-sweep.ts';
import { fileStorageFor, type FileStorage } from './storage/file-storage.ts';

async function main() {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  try {
    await connectDatabase(config.MONGODB_URI);
  } catch (err) {
    console.error(`Cannot reach the database at MONGODB_URI (${(err as Error).message})`);
    process.exit(3);
  }
  // Before the app: streams and presence subscribe on the bus the process will keep.
  useEventBus(eventBusFor(config.REDIS_URL, logger));
  const auth = firebaseAuth(config.FIREBASE_PROJECT_ID);
  const app = createApp({ config, logger, auth });
  const outbox = startOutboxWorker({ transport: createMailTransport(config.SMTP_URL), from: config.MAIL_FROM, logger });
  const sweep = { sessions: sessionPolicyOf(config) };
  const stopSweeper = startSweeper(sweep, logger);
  const stopFileSweeper = startFileSweeper(fileStorageFor(config), logger);
  void declareTtlIndexes(sweep).then(
    (outcome) => logger.info({ outcome }, 'TTL indexes'),
    (err: unknown) => logger.warn({ err }, 'could not declare the TTL indexes'),
  );
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    logger.info({ port }, `backend-services listening on http://${config.HOST}:${port}`);
  });
  server.on('error', (err: NodeJS.ErrnoException) => {
    console.error(err.code === 'EADDRINUSE' ? `Port ${config.PORT} is already in use (set PORT)` : err.message);
    process.exit(4);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    void shutDownGracefully({
      server,
      lifecycle: app.locals.lifecycle as Lifecycle,
      logger,
      graceMs: config.SHUTDOWN_GRACE_SECONDS * 1000,
      stopWork: async () => {
        stopSweeper();
        stopFileSweeper();
        await outbox.stop();
      },
      closeConnections: async () => {
        await eventBus().close();
        await disconnectDatabase();
      },
    }).then((clean) => process.exit(clean ? 0 : 1));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

/** Removes files no ticket refers to (an upload cut off, a ticket never created), now and then. */
function startFileSweeper(storage: FileStorage, logger: ReturnType<typeof createLogger>) {
  const run = () =>
    void sweepOrphanedFiles(storage).then(
      (removed) => logger.debug({ removed }, 'swept orphaned upload files'),
      (err: unknown) => logger.warn({ err }, 'file sweep failed'),
    );
  const timer = setInterval(run, 10 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

void main();

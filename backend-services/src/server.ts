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
  const auth = firebaseAuth(config.FIREBASE_PROJECT_ID);
  const app = createApp({ config, logger, auth });
  const outbox = startOutboxWorker({ transport: createMailTransport(config.SMTP_URL), from: config.MAIL_FROM, logger });
  const sweep = { sessions: sessionPolicyOf(config) };
  startSweeper(sweep, logger);
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

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    // SSE streams never end on their own: stop accepting, then cut idle and open sockets.
    server.close(() => {
      void outbox
        .stop()
        .then(() => disconnectDatabase())
        .finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
    setTimeout(() => process.exit(1), 5_000).unref();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

void main();

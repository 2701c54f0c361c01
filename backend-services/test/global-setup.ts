import path from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  ROOT,
  redisServerInstalled,
  startAuthEmulator,
  startFerretDb,
  startRedis,
} from '../../tools/stack/services.ts';
import { portsFor } from '../../tools/stack/ports.ts';
import { forgetResponseChecks, summarizeResponseChecks } from './response-checks-log.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoBaseUri: string;
    authEmulatorHost: string;
    /** Empty when redis-server is not installed (the suites that need it then fail with that message). */
    redisUrl: string;
  }
}

/**
 * The whole test run shares one FerretDB, one Redis and one Auth emulator (it takes 20–40 s to start). When the
 * runner (tools/stack/test-all.ts) already started them it passes their addresses in the environment;
 * a developer running `pnpm test` in this package alone gets them started here.
 */
export default async function setup(project: TestProject) {
  forgetResponseChecks();
  const stops: (() => Promise<void>)[] = [];
  let mongoBaseUri = process.env.TEST_MONGODB_BASE_URI;
  let authEmulatorHost = process.env.TEST_AUTH_EMULATOR_HOST;
  if (!mongoBaseUri || !authEmulatorHost) {
    const ports = portsFor('test');
    const [ferret, auth] = await Promise.all([
      startFerretDb({ port: ports.ferret, dataDir: path.join(ROOT, '.data', 'test-ferretdb'), quiet: true }),
      startAuthEmulator({ port: ports.auth, quiet: true }),
    ]);
    stops.push(ferret.stop, auth.stop);
    mongoBaseUri = `mongodb://127.0.0.1:${ports.ferret}`;
    authEmulatorHost = `127.0.0.1:${ports.auth}`;
  }
  let redisUrl = process.env.TEST_REDIS_URL ?? '';
  if (!redisUrl && redisServerInstalled()) {
    const redis = await startRedis({ port: portsFor('test').redis, quiet: true });
    stops.push(redis.stop);
    redisUrl = redis.url;
  }
  project.provide('redisUrl', redisUrl);
  project.provide('mongoBaseUri', mongoBaseUri);
  project.provide('authEmulatorHost', authEmulatorHost);
  return async () => {
    const checks = summarizeResponseChecks();
    if (checks) console.log(checks);
    for (const stop of stops) await stop();
  };
}

import path from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  ROOT,
  redisServerInstalled,
  startAuthEmulator,
  startFerretDb,
  startRedis,
} from '../../tools/stack/services.ts';
import { authEmulatorPorts, backendTestWorkers, portsFor } from '../../tools/stack/ports.ts';
import { forgetResponseChecks, summarizeResponseChecks } from './response-checks-log.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoBaseUri: string;
    /** One Auth emulator per vitest worker (see auth-emulator.ts). */
    authEmulatorHosts: string[];
    /** Empty when redis-server is not installed (the suites that need it then fail with that message). */
    redisUrl: string;
  }
}

/**
 * The whole test run shares one FerretDB and one Redis, and has one Auth emulator per vitest worker (each
 * takes 20–40 s to start; they start together). When the
 * runner (tools/stack/test-all.ts) already started them it passes their addresses in the environment;
 * a developer running `pnpm test` in this package alone gets them started here.
 */
export default async function setup(project: TestProject) {
  forgetResponseChecks();
  const stops: (() => Promise<void>)[] = [];
  let mongoBaseUri = process.env.TEST_MONGODB_BASE_URI;
  let authEmulatorHosts = process.env.TEST_AUTH_EMULATOR_HOSTS?.split(',').filter(Boolean) ?? [];
  if (!mongoBaseUri || authEmulatorHosts.length === 0) {
    const ports = portsFor('test');
    const authPorts = authEmulatorPorts(ports.auth, backendTestWorkers());
    const [ferret, ...emulators] = await Promise.all([
      startFerretDb({ port: ports.ferret, dataDir: path.join(ROOT, '.data', 'test-ferretdb'), quiet: true }),
      ...authPorts.map((port) => startAuthEmulator({ port, quiet: true })),
    ]);
    stops.push(ferret.stop, ...emulators.map((e) => e.stop));
    mongoBaseUri = `mongodb://127.0.0.1:${ports.ferret}`;
    authEmulatorHosts = authPorts.map((port) => `127.0.0.1:${port}`);
  }
  let redisUrl = process.env.TEST_REDIS_URL ?? '';
  if (!redisUrl && redisServerInstalled()) {
    const redis = await startRedis({ port: portsFor('test').redis, quiet: true });
    stops.push(redis.stop);
    redisUrl = redis.url;
  }
  project.provide('redisUrl', redisUrl);
  project.provide('mongoBaseUri', mongoBaseUri);
  project.provide('authEmulatorHosts', authEmulatorHosts);
  return async () => {
    const checks = summarizeResponseChecks();
    if (checks) console.log(checks);
    for (const stop of stops) await stop();
  };
}

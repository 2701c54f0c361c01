import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, startAuthEmulator, startFerretDb } from '../../tools/stack/services.ts';
import { portsFor } from '../../tools/stack/ports.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoBaseUri: string;
    authEmulatorHost: string;
  }
}

/**
 * The whole test run shares one FerretDB and one Auth emulator (it takes 20–40 s to start). When the
 * runner (tools/stack/test-all.ts) already started them it passes their addresses in the environment;
 * a developer running `pnpm test` in this package alone gets them started here.
 */
export default async function setup(project: TestProject) {
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
  project.provide('mongoBaseUri', mongoBaseUri);
  project.provide('authEmulatorHost', authEmulatorHost);
  return async () => {
    for (const stop of stops) await stop();
  };
}

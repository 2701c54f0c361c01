/** Demo and test runs use separate ports and data, so both can run on one machine. */
export function portsFor(kind: 'demo' | 'test', env = process.env) {
  const base =
    kind === 'demo'
      ? { ferret: 27018, auth: 9099, smtp: 2525, backend: 4000, web: 5173, redis: 6379 }
      : { ferret: 27118, auth: 9300, smtp: 2625, backend: 4100, web: 4173, redis: 6479 };
  const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
  return {
    ferret: num('FERRETDB_PORT', base.ferret),
    auth: num('AUTH_EMULATOR_PORT', base.auth),
    smtp: num('SMTP_PORT', base.smtp),
    backend: num('BACKEND_PORT', base.backend),
    web: num('WEB_PORT', base.web),
    redis: num('REDIS_PORT', base.redis),
  };
}

/**
 * Backend API test files run this many at a time (vitest workers). Each worker gets an Auth emulator of
 * its own, because a file wipes the emulator's accounts when it starts.
 */
export function backendTestWorkers(env = process.env): number {
  const n = Number(env.BACKEND_TEST_WORKERS ?? 2);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** The emulator ports of those workers: the first is the run's own (e2e uses it), the others 10 apart. */
export const authEmulatorPorts = (first: number, workers: number) =>
  Array.from({ length: workers }, (_, i) => first + 10 * i);

import { inject } from 'vitest';

/**
 * The Auth emulator of the vitest worker running this file. Files run in parallel, one per worker, and
 * each wipes its emulator's accounts first, so a worker never shares its emulator with another.
 */
export function workerAuthEmulatorHost(): string {
  const hosts = inject('authEmulatorHosts');
  const pool = Number(process.env.VITEST_POOL_ID ?? '1');
  const host = hosts[(pool - 1) % hosts.length];
  if (!host) throw new Error('no Auth emulator was started for the API tests');
  return host;
}

import { backendTestWorkers } from '../tools/stack/ports.ts';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Files run in parallel, each worker on an Auth emulator of its own (a file wipes its accounts first).
    fileParallelism: true,
    maxWorkers: backendTestWorkers(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

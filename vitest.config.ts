import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Child-process tests run dist/, as production does: build it first. A throw-away PostgreSQL cluster
    // serves the storage suite's second engine and the multi-process tests.
    globalSetup: ['test/global-setup.ts', 'test/helpers/postgres-global.ts'],
    // Native modules (better-sqlite3) and child processes are happiest in forked workers.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});

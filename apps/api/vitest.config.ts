import { defineConfig } from 'vitest/config';

// Each test file gets its own database: a copy of a migrated PGlite snapshot, or (DATABASE_URL set)
// a PostgreSQL database cloned from a migrated template. See test/global-setup.ts.
export default defineConfig({
  test: {
    globalSetup: ['./test/global-setup.ts'],
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});

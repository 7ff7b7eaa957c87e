import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One real PostgreSQL server for the run; each test makes its own database on it.
    globalSetup: ['tests/support/postgres-server.ts'],
    // A loaded 2-core CI machine runs the end-to-end files beside the unit tests.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});

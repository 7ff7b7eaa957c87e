import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One real PostgreSQL server for the run; each test makes its own database on it.
    globalSetup: ['tests/support/postgres-server.ts'],
  },
});

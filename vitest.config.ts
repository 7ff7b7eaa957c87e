import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: pure functions and in-process parts on real files and real SQLite, no
 * server and no build (`npm run test:unit`, under a minute). `end-to-end`: the built program as a
 * real process, and everything that needs the real PostgreSQL server; only this project starts
 * that server and builds the copy of the project its processes run (`npm run test:e2e`).
 * `npm test` runs both.
 */
const END_TO_END = [
  // Real processes: the calibrate script over every set, and jieba's native build refused and rebuilt.
  'tests/retrieval/ranking/calibration.test.ts',
  'tests/text/jieba-cache.test.ts',
  'tests/build.test.ts',
  'tests/docs.test.ts',
  'tests/cli/chat.test.ts',
  'tests/cli/search.test.ts',
  'tests/cli/migrate-db.test.ts',
  'tests/bot/end-to-end.test.ts',
  'tests/live/slow-copy-bot.test.ts',
  'tests/live/start-with-bad-files.test.ts',
  'tests/reliability/**/*.test.ts',
  'tests/announcements/announce.test.ts',
  'tests/storage/storage-contract.test.ts',
  'tests/storage/database-faults.test.ts',
  'tests/server/pages/served.test.ts',
  'tests/server/pages/browser.test.ts',
  'tests/bot/conversation.test.ts',
  'tests/storage/conversation-store.test.ts',
  'tests/bot/subscriptions-and-admin.test.ts',
  'tests/storage/database-deadlines.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: END_TO_END,
          testTimeout: 20_000,
          // Files share worker processes (each loads jieba and the modules once, not per file);
          // unit-setup.ts and the options below return each file to a fresh process's state.
          isolate: false,
          setupFiles: ['tests/support/unit-setup.ts'],
          restoreMocks: true,
          unstubEnvs: true,
          unstubGlobals: true,
        },
      },
      {
        test: {
          name: 'end-to-end',
          include: END_TO_END,
          // One real PostgreSQL server for the run (each test makes its own database on it), and
          // one build of a copy of the project for the processes the tests start.
          globalSetup: ['tests/support/postgres-server.ts', 'tests/support/built-copy.ts'],
          // A loaded 2-core CI machine runs the end-to-end files side by side.
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

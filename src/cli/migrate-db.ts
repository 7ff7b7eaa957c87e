/**
 * `npm run migrate-db -- --to postgres://… [--from data/bot.db]`: copies the SQLite database
 * (subscriptions, the issues already seen, the notification outbox) into PostgreSQL, in one
 * transaction. Rows already there are kept, so running it twice adds nothing. Stop the bot first.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { openPostgresStore, redactUrl } from '../storage/postgres-store.ts';
import { openSqliteStore } from '../storage/sqlite-store.ts';
import { runCli } from './run-cli.ts';

const USAGE = 'usage: npm run migrate-db -- --to postgres://user:password@host:5432/database [--from data/bot.db]';

runCli(async () => {
  let values: { to?: string; from?: string };
  try {
    ({ values } = parseArgs({ options: { to: { type: 'string' }, from: { type: 'string' } } }));
  } catch (err) {
    throw new ConfigError(`${(err as Error).message}\n${USAGE}`);
  }
  const to = values.to ?? process.env.DATABASE_URL;
  if (!to || !/^postgres(ql)?:\/\//.test(to)) throw new ConfigError(USAGE);
  const from = values.from ?? loadConfig({ ...process.env, DATABASE_URL: '' }).databaseFile;
  if (!fs.existsSync(from)) throw new ConfigError(`there is no SQLite database at ${from}; name it with --from`);
  const source = openSqliteStore(from);
  const snapshot = source.snapshot();
  await source.close();
  // One operator, one big transaction: the bot's per-statement deadlines would cut a large archive short.
  const target = await openPostgresStore(to, { deadlines: { statement_timeout: 0, query_timeout: 0 } });
  try {
    const added = await target.importSnapshot(snapshot);
    console.log(
      `copied ${from} to ${redactUrl(to)}: ` +
        `${added.subscriptions} of ${snapshot.subscriptions.length} subscriptions, ` +
        `${added.issues} of ${snapshot.issues.length} issues seen, ` +
        `${added.outbox} of ${snapshot.outbox.length} notifications added (the rest were there already)`,
    );
  } finally {
    await target.close();
  }
});

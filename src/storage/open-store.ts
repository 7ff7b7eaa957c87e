/** The storage the settings ask for: PostgreSQL with DATABASE_URL, else the SQLite file. */
import { openPostgresStore, type PostgresStore } from './postgres-store.ts';
import { openSqliteStore, type SqliteStore } from './sqlite-store.ts';

/** PostgreSQL is shared by every instance (flood counters and stored searches too); SQLite is one process's. */
export async function openStore(settings: {
  databaseUrl?: string;
  databaseFile: string;
}): Promise<SqliteStore | PostgresStore> {
  return settings.databaseUrl ? openPostgresStore(settings.databaseUrl) : openSqliteStore(settings.databaseFile);
}

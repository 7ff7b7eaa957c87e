/** The storage the settings ask for: PostgreSQL with DATABASE_URL, else the SQLite file. */
import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { SubscriptionStore } from './subscription-store.ts';

export async function openStore(settings: { databaseUrl?: string; databaseFile: string }): Promise<SubscriptionStore> {
  return settings.databaseUrl ? openPostgresStore(settings.databaseUrl) : openSqliteStore(settings.databaseFile);
}

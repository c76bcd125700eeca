// biome-ignore-all lint/suspicious/noExplicitAny: migrations run before the typed schema exists
import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Dialect } from './database.ts';
import { accountMigrations } from './migrations/accounts.ts';
import { assetMigrations } from './migrations/assets.ts';
import { commentMigrations } from './migrations/comments.ts';
import { documentMigrations } from './migrations/documents.ts';
import { identityMigrations } from './migrations/identity.ts';
import { notificationMigrations } from './migrations/notifications.ts';
import { oidcMigrations } from './migrations/oidc.ts';
import { snapshotMigrations } from './migrations/snapshots.ts';
import { updateLogMigrations } from './migrations/updateLog.ts';

/**
 * The one migration set (`migrations/`), run on SQLite and PostgreSQL alike.
 * Column types that differ between the two are chosen by `dialect`.
 */
function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    ...updateLogMigrations(dialect),
    ...accountMigrations(dialect),
    ...assetMigrations(dialect),
    ...documentMigrations(),
    ...identityMigrations(),
    ...commentMigrations(dialect),
    ...snapshotMigrations(dialect),
    ...oidcMigrations(),
    ...notificationMigrations(dialect),
  };
}

/**
 * Kysely's default order is `localeCompare`, whose first call loads ICU's collation data (~3 MB
 * of an idle server's memory, docs/benchmarks.md "Idle server"). Our names start with a
 * zero-padded number ('0001_…'), so plain code-unit order is the same order.
 */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Brings the schema up to date; throws (and so stops start-up) if a migration fails. */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(dialect) };
  // Kysely looks for its bookkeeping tables in every schema; on PostgreSQL pin them to
  // the schema we migrate, or another schema's tables in the same database fool it.
  const migrationTableSchema =
    dialect === 'postgres'
      ? ((await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)).rows[0]?.schema ??
        undefined)
      : undefined;
  const migrator = new Migrator({
    db,
    provider,
    nameComparator: byCodeUnits,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}

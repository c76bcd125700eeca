// biome-ignore-all lint/suspicious/noExplicitAny: migrations run before the typed schema exists
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { assetMigrations } from '../assets/assetMigrations.ts';
import { documentMigrations } from '../documents/documentMigrations.ts';
import { accountMigrations } from './accountMigrations.ts';
import type { Dialect } from './database.ts';

/**
 * The one migration set, run on SQLite and PostgreSQL alike. Column types that
 * differ between the two are chosen by `dialect`.
 */
function migrationsFor(dialect: Dialect): Record<string, Migration> {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    '0001_document_updates': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('document_updates')
          // bigserial already counts up on PostgreSQL, where Kysely's autoIncrement() would emit MySQL's invalid auto_increment.
          .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (col) =>
            dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement(),
          )
          .addColumn('document_id', 'text', (col) => col.notNull())
          .addColumn('data', sql.raw(binary), (col) => col.notNull())
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .execute();
        await db.schema
          .createIndex('document_updates_by_document')
          .on('document_updates')
          .columns(['document_id', 'id'])
          .execute();
      },
    },
    ...accountMigrations(dialect),
    ...assetMigrations(dialect),
    ...documentMigrations(),
  };
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
  const migrator = new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}

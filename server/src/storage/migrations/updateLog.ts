// biome-ignore-all lint/suspicious/noExplicitAny: migrations run before the typed schema exists
import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../database.ts';

/** The Yjs update log, one row per committed update. */
export function updateLogMigrations(dialect: Dialect): Record<string, Migration> {
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
  };
}

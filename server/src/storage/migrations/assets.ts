// biome-ignore-all lint/suspicious/noExplicitAny: migrations run before the typed schema exists
import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../database.ts';

/**
 * Files dropped on a canvas. They live in SQL rather than a folder so several
 * server processes sharing PostgreSQL all serve them.
 */
export function assetMigrations(dialect: Dialect): Record<string, Migration> {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    '0003_canvas_assets': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('assets')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('partnership_id', 'text', (col) => col.notNull().references('partnerships.id').onDelete('cascade'))
          .addColumn('document_id', 'text', (col) => col.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('content_type', 'text', (col) => col.notNull())
          .addColumn('byte_size', 'integer', (col) => col.notNull())
          .addColumn('data', sql.raw(binary), (col) => col.notNull())
          .addColumn('created_by', 'text', (col) => col.notNull())
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .execute();
        await db.schema.createIndex('assets_by_partnership').on('assets').column('partnership_id').execute();
      },
    },
  };
}

// biome-ignore-all lint/suspicious/noExplicitAny: migrations run before the typed schema exists
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../database.ts';

/**
 * Snapshots: a named copy of every document's Yjs state at one moment, their
 * share links (token hashes only) and who acknowledged them. The copied states
 * live in rows of their own, apart from the update log: compaction, edits and
 * deletions of the live documents never touch them, so `snapshot_documents.document_id`
 * deliberately has no foreign key to `documents`.
 */
export function snapshotMigrations(dialect: Dialect): Record<string, Migration> {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    '0007_snapshots': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('snapshots')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('partnership_id', 'text', (col) => col.notNull().references('partnerships.id').onDelete('cascade'))
          .addColumn('name', 'text', (col) => col.notNull())
          .addColumn('created_by', 'text', (col) => col.references('users.id').onDelete('set null'))
          // The creator's side then: the list shows it even after they change sides or leave.
          .addColumn('created_by_side', 'text')
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .addColumn('open_threads', 'integer', (col) => col.notNull())
          .addColumn('resolved_threads', 'integer', (col) => col.notNull())
          // The partnership as it was (the printed cover shows the state of the snapshot, not of today).
          .addColumn('partnership_name', 'text', (col) => col.notNull())
          .addColumn('university_name', 'text', (col) => col.notNull())
          .addColumn('partner_name', 'text', (col) => col.notNull())
          .addColumn('phase', 'text', (col) => col.notNull())
          .execute();
        await db.schema
          .createIndex('snapshots_by_partnership')
          .on('snapshots')
          .columns(['partnership_id', 'created_at'])
          .execute();
        await db.schema
          .createTable('snapshot_documents')
          .addColumn('snapshot_id', 'text', (col) => col.notNull().references('snapshots.id').onDelete('cascade'))
          .addColumn('document_id', 'text', (col) => col.notNull())
          .addColumn('kind', 'text', (col) => col.notNull())
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('position', 'integer', (col) => col.notNull())
          // Y.encodeStateAsUpdate of the live document at the snapshot's moment; written once, never updated.
          .addColumn('state', binary, (col) => col.notNull())
          .addPrimaryKeyConstraint('snapshot_documents_pk', ['snapshot_id', 'document_id'])
          .execute();
        await db.schema
          .createTable('snapshot_links')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('snapshot_id', 'text', (col) => col.notNull().references('snapshots.id').onDelete('cascade'))
          // Hex SHA-256 of the token; the token itself is never stored.
          .addColumn('token_hash', 'text', (col) => col.notNull().unique())
          .addColumn('created_by', 'text', (col) => col.references('users.id').onDelete('set null'))
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .addColumn('expires_at', 'bigint')
          .addColumn('revoked_at', 'bigint')
          .execute();
        await db.schema.createIndex('snapshot_links_by_snapshot').on('snapshot_links').column('snapshot_id').execute();
        await db.schema
          .createTable('snapshot_acknowledgements')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('snapshot_id', 'text', (col) => col.notNull().references('snapshots.id').onDelete('cascade'))
          // Null once the account is deleted; the acknowledgement stays ("a deleted account").
          .addColumn('user_id', 'text', (col) => col.references('users.id').onDelete('set null'))
          .addColumn('side', 'text', (col) => col.notNull())
          .addColumn('acknowledged_at', 'bigint', (col) => col.notNull())
          .execute();
        await db.schema
          .createIndex('snapshot_acknowledgements_once')
          .on('snapshot_acknowledgements')
          .columns(['snapshot_id', 'user_id'])
          .unique()
          .execute();
      },
    },
  };
}

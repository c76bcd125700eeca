// biome-ignore-all lint/suspicious/noExplicitAny: migrations run before the typed schema exists
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../database.ts';

/**
 * Accounts, partnerships, membership, invitations, the document index and the
 * audit trail. Times are epoch milliseconds (bigint) on both dialects.
 */
export function accountMigrations(dialect: Dialect): Record<string, Migration> {
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer';
  return {
    '0002_accounts_and_partnerships': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('email', 'text', (col) => col.notNull().unique())
          .addColumn('name', 'text', (col) => col.notNull())
          .addColumn('password_hash', 'text', (col) => col.notNull())
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
          .addColumn('secret_hash', 'text', (col) => col.notNull())
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .addColumn('last_seen_at', 'bigint', (col) => col.notNull())
          .addColumn('expires_at', 'bigint', (col) => col.notNull())
          .addColumn('user_agent', 'text')
          .execute();
        await db.schema.createIndex('sessions_by_user').on('sessions').column('user_id').execute();
        await db.schema
          .createTable('partnerships')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('name', 'text', (col) => col.notNull())
          .addColumn('university_name', 'text', (col) => col.notNull())
          .addColumn('partner_name', 'text', (col) => col.notNull())
          .addColumn('language', 'text', (col) => col.notNull())
          .addColumn('start_date', 'text')
          .addColumn('term_years', 'integer')
          .addColumn('phase', 'text', (col) => col.notNull())
          .addColumn('created_by', 'text', (col) => col.references('users.id').onDelete('set null'))
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .addColumn('archived_at', 'bigint')
          .execute();
        await db.schema
          .createTable('memberships')
          .addColumn('partnership_id', 'text', (col) => col.notNull().references('partnerships.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
          .addColumn('role', 'text', (col) => col.notNull())
          .addColumn('side', 'text', (col) => col.notNull())
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .addPrimaryKeyConstraint('memberships_pk', ['partnership_id', 'user_id'])
          .execute();
        await db.schema.createIndex('memberships_by_user').on('memberships').column('user_id').execute();
        await db.schema
          .createTable('invitations')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('partnership_id', 'text', (col) => col.notNull().references('partnerships.id').onDelete('cascade'))
          .addColumn('email', 'text', (col) => col.notNull())
          .addColumn('role', 'text', (col) => col.notNull())
          .addColumn('side', 'text', (col) => col.notNull())
          .addColumn('token_hash', 'text', (col) => col.notNull().unique())
          .addColumn('invited_by', 'text', (col) => col.references('users.id').onDelete('set null'))
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .addColumn('expires_at', 'bigint', (col) => col.notNull())
          .addColumn('accepted_at', 'bigint')
          .addColumn('accepted_by', 'text', (col) => col.references('users.id').onDelete('set null'))
          .addColumn('revoked_at', 'bigint')
          .execute();
        await db.schema.createIndex('invitations_by_partnership').on('invitations').column('partnership_id').execute();
        await db.schema
          .createTable('documents')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('partnership_id', 'text', (col) => col.notNull().references('partnerships.id').onDelete('cascade'))
          .addColumn('kind', 'text', (col) => col.notNull())
          .addColumn('title', 'text', (col) => col.notNull())
          .addColumn('created_by', 'text', (col) => col.references('users.id').onDelete('set null'))
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .execute();
        await db.schema.createIndex('documents_by_partnership').on('documents').column('partnership_id').execute();
        await db.schema
          .createTable('audit_events')
          .addColumn('id', serial, (col) =>
            // bigserial counts by itself; Kysely's autoIncrement() is SQLite/MySQL syntax.
            dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement(),
          )
          .addColumn('partnership_id', 'text', (col) => col.notNull().references('partnerships.id').onDelete('cascade'))
          .addColumn('type', 'text', (col) => col.notNull())
          .addColumn('actor_user_id', 'text', (col) => col.references('users.id').onDelete('set null'))
          .addColumn('actor_side', 'text')
          .addColumn('details', 'text', (col) => col.notNull())
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .execute();
        await db.schema
          .createIndex('audit_events_by_partnership')
          .on('audit_events')
          .columns(['partnership_id', 'id'])
          .execute();
      },
    },
  };
}

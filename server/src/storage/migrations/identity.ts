// biome-ignore-all lint/suspicious/noExplicitAny: migrations run before the typed schema exists
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * What identity for institutions needs: each person's language (emails follow it), an
 * operator's "disabled" mark, and password-reset tokens (stored only as SHA-256 hashes).
 */
export function identityMigrations(): Record<string, Migration> {
  return {
    '0005_identity': {
      async up(db: Kysely<any>) {
        await db.schema
          .alterTable('users')
          .addColumn('locale', 'text', (col) => col.notNull().defaultTo('en'))
          .execute();
        await db.schema.alterTable('users').addColumn('disabled_at', 'bigint').execute();
        await db.schema
          .createTable('password_resets')
          .addColumn('token_hash', 'text', (col) => col.primaryKey())
          .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .addColumn('expires_at', 'bigint', (col) => col.notNull())
          .addColumn('used_at', 'bigint')
          .execute();
        await db.schema.createIndex('password_resets_by_user').on('password_resets').column('user_id').execute();
      },
    },
  };
}

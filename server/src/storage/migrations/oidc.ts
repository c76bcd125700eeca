// biome-ignore-all lint/suspicious/noExplicitAny: migrations run before the typed schema exists
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * OpenID Connect sign-in: which provider identity belongs to which account, the round trips
 * under way (state, nonce and PKCE verifier kept here, never in the browser), and links that
 * wait for the person to prove the existing account with its password.
 */
export function oidcMigrations(): Record<string, Migration> {
  return {
    '0009_oidc_identities': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('oidc_identities')
          .addColumn('provider', 'text', (col) => col.notNull())
          .addColumn('subject', 'text', (col) => col.notNull())
          .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .addColumn('last_login_at', 'bigint', (col) => col.notNull())
          .addPrimaryKeyConstraint('oidc_identities_pk', ['provider', 'subject'])
          .execute();
        await db.schema.createIndex('oidc_identities_by_user').on('oidc_identities').column('user_id').execute();
        await db.schema
          .createTable('oidc_login_attempts')
          .addColumn('state_hash', 'text', (col) => col.primaryKey())
          .addColumn('provider', 'text', (col) => col.notNull())
          .addColumn('nonce', 'text', (col) => col.notNull())
          .addColumn('code_verifier', 'text', (col) => col.notNull())
          .addColumn('invitation_token', 'text')
          .addColumn('next_path', 'text')
          .addColumn('locale', 'text', (col) => col.notNull())
          .addColumn('expires_at', 'bigint', (col) => col.notNull())
          .execute();
        await db.schema
          .createTable('oidc_pending_links')
          .addColumn('token_hash', 'text', (col) => col.primaryKey())
          .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
          .addColumn('provider', 'text', (col) => col.notNull())
          .addColumn('subject', 'text', (col) => col.notNull())
          .addColumn('expires_at', 'bigint', (col) => col.notNull())
          .execute();
        // Every start and link offer sweeps expired rows: an index keeps that from scanning the
        // table while a flood of starts (limited per address only) fills it.
        await db.schema
          .createIndex('oidc_login_attempts_by_expiry')
          .on('oidc_login_attempts')
          .column('expires_at')
          .execute();
        await db.schema
          .createIndex('oidc_pending_links_by_expiry')
          .on('oidc_pending_links')
          .column('expires_at')
          .execute();
      },
    },
  };
}

// biome-ignore-all lint/suspicious/noExplicitAny: migrations run before the typed schema exists
import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Dialect } from '../database.ts';

/**
 * Email address verification and notification email: each person's verified mark and
 * notification mode, verification and unsubscribe tokens (stored only as SHA-256 hashes),
 * and the durable queue the outbox sender and the daily digest claim rows from.
 */
export function notificationMigrations(dialect: Dialect): Record<string, Migration> {
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer';
  return {
    '0008_notifications': {
      async up(db: Kysely<any>) {
        await db.schema.alterTable('users').addColumn('email_verified_at', 'bigint').execute();
        await db.schema
          .alterTable('users')
          .addColumn('notify_mode', 'text', (col) => col.notNull().defaultTo('immediate'))
          .execute();
        // Accounts from before verification existed are not asked afterwards.
        await sql`update users set email_verified_at = created_at`.execute(db);
        await db.schema
          .createTable('email_verifications')
          .addColumn('token_hash', 'text', (col) => col.primaryKey())
          .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
          // The address the link was sent to: changing the address later must not verify the new one.
          .addColumn('email', 'text', (col) => col.notNull())
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .addColumn('expires_at', 'bigint', (col) => col.notNull())
          .addColumn('used_at', 'bigint')
          .execute();
        await db.schema
          .createIndex('email_verifications_by_user')
          .on('email_verifications')
          .column('user_id')
          .execute();
        await db.schema
          .createTable('unsubscribe_tokens')
          .addColumn('token_hash', 'text', (col) => col.primaryKey())
          .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .addColumn('expires_at', 'bigint', (col) => col.notNull())
          .execute();
        await db.schema
          .createIndex('unsubscribe_tokens_by_expiry')
          .on('unsubscribe_tokens')
          .column('expires_at')
          .execute();
        await db.schema
          .createTable('notification_queue')
          .addColumn('id', serial, (col) =>
            dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement(),
          )
          .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
          .addColumn('partnership_id', 'text', (col) => col.notNull().references('partnerships.id').onDelete('cascade'))
          .addColumn('thread_id', 'text', (col) => col.notNull().references('comment_threads.id').onDelete('cascade'))
          .addColumn('message_id', 'text', (col) => col.notNull().references('comment_messages.id').onDelete('cascade'))
          .addColumn('kind', 'text', (col) => col.notNull())
          // `immediate` or `digest`: the recipient's mode when the message was posted.
          .addColumn('delivery', 'text', (col) => col.notNull())
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          // A sender's claim: its random id and until when others leave the row alone.
          .addColumn('claim_id', 'text')
          .addColumn('claimed_until', 'bigint')
          // Sent, or dropped at send time (not a member any more, notifications off, message deleted).
          .addColumn('done_at', 'bigint')
          .addUniqueConstraint('notification_queue_once', ['user_id', 'message_id'])
          .execute();
        await db.schema
          .createIndex('notification_queue_pending')
          .on('notification_queue')
          .columns(['done_at', 'delivery', 'created_at'])
          .execute();
      },
    },
  };
}

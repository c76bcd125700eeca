// biome-ignore-all lint/suspicious/noExplicitAny: migrations run before the typed schema exists
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Comment threads, their messages and mentions, each person's read state, and
 * the partnership event log the event stream resumes from. Threads are SQL rows
 * rather than Yjs content: each message has one author, and unread state is per person.
 */
export function commentMigrations(dialect: Dialect): Record<string, Migration> {
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer';
  return {
    '0005_comment_threads': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('comment_threads')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('partnership_id', 'text', (col) => col.notNull().references('partnerships.id').onDelete('cascade'))
          .addColumn('anchor_type', 'text', (col) => col.notNull())
          // The anchored document (shape and text anchors), for filtering by document.
          .addColumn('document_id', 'text')
          // The whole anchor as JSON (ids, relative positions, quote).
          .addColumn('anchor', 'text', (col) => col.notNull())
          .addColumn('status', 'text', (col) => col.notNull())
          .addColumn('created_by', 'text', (col) => col.references('users.id').onDelete('set null'))
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .addColumn('resolved_by', 'text', (col) => col.references('users.id').onDelete('set null'))
          .addColumn('resolved_at', 'bigint')
          // Strictly increasing per thread: read state compares against it.
          .addColumn('last_message_at', 'bigint', (col) => col.notNull())
          .execute();
        await db.schema
          .createIndex('comment_threads_by_partnership')
          .on('comment_threads')
          .columns(['partnership_id', 'created_at'])
          .execute();
        await db.schema
          .createTable('comment_messages')
          .addColumn('id', 'text', (col) => col.primaryKey())
          .addColumn('thread_id', 'text', (col) => col.notNull().references('comment_threads.id').onDelete('cascade'))
          .addColumn('partnership_id', 'text', (col) => col.notNull())
          .addColumn('author_id', 'text', (col) => col.references('users.id').onDelete('set null'))
          .addColumn('body', 'text', (col) => col.notNull())
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .addColumn('edited_at', 'bigint')
          .addColumn('deleted_at', 'bigint')
          .execute();
        await db.schema
          .createIndex('comment_messages_by_thread')
          .on('comment_messages')
          .columns(['thread_id', 'created_at'])
          .execute();
        await db.schema
          .createIndex('comment_messages_by_author')
          .on('comment_messages')
          .columns(['author_id', 'thread_id'])
          .execute();
        await db.schema
          .createTable('comment_mentions')
          .addColumn('message_id', 'text', (col) => col.notNull().references('comment_messages.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
          .addPrimaryKeyConstraint('comment_mentions_pk', ['message_id', 'user_id'])
          .execute();
        await db.schema.createIndex('comment_mentions_by_user').on('comment_mentions').column('user_id').execute();
        await db.schema
          .createTable('comment_reads')
          .addColumn('thread_id', 'text', (col) => col.notNull().references('comment_threads.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
          // The thread's `last_message_at` when this person last read it.
          .addColumn('read_up_to', 'bigint', (col) => col.notNull())
          .addPrimaryKeyConstraint('comment_reads_pk', ['thread_id', 'user_id'])
          .execute();
        await db.schema
          .createTable('partnership_events')
          .addColumn('id', serial, (col) =>
            dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement(),
          )
          .addColumn('partnership_id', 'text', (col) => col.notNull().references('partnerships.id').onDelete('cascade'))
          .addColumn('type', 'text', (col) => col.notNull())
          // Only this person hears the event (read state); null: every member.
          .addColumn('recipient_id', 'text')
          // What the event names (thread and message ids); rendered from current rows when sent.
          .addColumn('details', 'text', (col) => col.notNull())
          .addColumn('created_at', 'bigint', (col) => col.notNull())
          .execute();
        await db.schema
          .createIndex('partnership_events_by_partnership')
          .on('partnership_events')
          .columns(['partnership_id', 'id'])
          .execute();
        await db.schema
          .createIndex('partnership_events_by_time')
          .on('partnership_events')
          .column('created_at')
          .execute();
        // The first event id retention has not removed: a client asking to resume before it must resync.
        await db.schema
          .createTable('partnership_event_horizon')
          .addColumn('key', 'text', (col) => col.primaryKey())
          .addColumn('first_kept_id', 'bigint', (col) => col.notNull())
          .execute();
      },
    },
  };
}

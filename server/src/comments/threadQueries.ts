import type { ThreadsQuery } from '@samverka/model';
import type { Kysely, Transaction } from 'kysely';
import type { CommentMessagesTable, CommentThreadsTable, DatabaseSchema } from '../storage/schema.ts';
import type { People, PersonRow } from './threadPresenter.ts';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/** SQLite allows 32,766 bound values; stay far below it. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const numeric = <T extends CommentThreadsTable | CommentMessagesTable>(row: T): T => {
  const out = { ...row } as Record<string, unknown>;
  for (const key of ['created_at', 'edited_at', 'deleted_at', 'resolved_at', 'last_message_at']) {
    if (typeof out[key] === 'string') out[key] = Number(out[key]);
  }
  return out as T;
};

/** A partnership's threads matching `filter`, newest first. */
export async function findThreads(db: Db, partnershipId: string, filter: ThreadsQuery): Promise<CommentThreadsTable[]> {
  let query = db.selectFrom('comment_threads').selectAll().where('partnership_id', '=', partnershipId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.anchorType) query = query.where('anchor_type', '=', filter.anchorType);
  if (filter.documentId) query = query.where('document_id', '=', filter.documentId);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(numeric);
}

/** One thread, or undefined. */
export async function findThread(db: Db, threadId: string): Promise<CommentThreadsTable | undefined> {
  const row = await db.selectFrom('comment_threads').selectAll().where('id', '=', threadId).executeTakeFirst();
  return row && numeric(row);
}

/** One message, or undefined. */
export async function findMessage(db: Db, messageId: string): Promise<CommentMessagesTable | undefined> {
  const row = await db.selectFrom('comment_messages').selectAll().where('id', '=', messageId).executeTakeFirst();
  return row && numeric(row);
}

/** The messages of these threads, oldest first, grouped by thread. */
export async function messagesOf(db: Db, threadIds: readonly string[]): Promise<Map<string, CommentMessagesTable[]>> {
  const byThread = new Map<string, CommentMessagesTable[]>(threadIds.map((id) => [id, []]));
  for (const ids of chunks(threadIds)) {
    const rows = await db
      .selectFrom('comment_messages')
      .selectAll()
      .where('thread_id', 'in', ids)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const row of rows) byThread.get(row.thread_id)?.push(numeric(row));
  }
  return byThread;
}

/** How far `userId` has read each of these threads (absent: never). */
export async function readStateOf(db: Db, userId: string, threadIds: readonly string[]): Promise<Map<string, number>> {
  const read = new Map<string, number>();
  for (const ids of chunks(threadIds)) {
    const rows = await db
      .selectFrom('comment_reads')
      .select(['thread_id', 'read_up_to'])
      .where('user_id', '=', userId)
      .where('thread_id', 'in', ids)
      .execute();
    for (const row of rows) read.set(row.thread_id, Number(row.read_up_to));
  }
  return read;
}

/** Names and sides (in this partnership) of the people these threads and messages name. */
export async function peopleOf(
  db: Db,
  partnershipId: string,
  threads: readonly CommentThreadsTable[],
  messages: Iterable<CommentMessagesTable>,
): Promise<People> {
  const ids = new Set<string>();
  for (const thread of threads) {
    if (thread.created_by) ids.add(thread.created_by);
    if (thread.resolved_by) ids.add(thread.resolved_by);
  }
  for (const message of messages) if (message.author_id) ids.add(message.author_id);
  const people = new Map<string, PersonRow>();
  for (const chunk of chunks([...ids])) {
    const rows = await db
      .selectFrom('users')
      .leftJoin('memberships', (join) =>
        join.onRef('memberships.user_id', '=', 'users.id').on('memberships.partnership_id', '=', partnershipId),
      )
      .select(['users.id', 'users.name', 'memberships.side'])
      .where('users.id', 'in', chunk)
      .execute();
    for (const row of rows) people.set(row.id, { id: row.id, name: row.name, side: row.side ?? null });
  }
  return people;
}

/** The user ids of a partnership's members among `userIds`. */
export async function membersAmong(db: Db, partnershipId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('partnership_id', '=', partnershipId)
    .where('user_id', 'in', userIds)
    .execute();
  return new Set(rows.map((row) => row.user_id));
}

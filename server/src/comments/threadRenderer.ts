import type { CommentMessage, CommentThread } from '@samverka/model';
import type { Kysely, Transaction } from 'kysely';
import type { CommentThreadsTable, DatabaseSchema } from '../storage/schema.ts';
import { presentMessage, presentThread } from './threadPresenter.ts';
import { findMessage, findThread, messagesOf, peopleOf, readStateOf } from './threadQueries.ts';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/** Threads as `viewerId` sees them (their unread state), with their messages. */
export async function renderThreads(
  db: Db,
  partnershipId: string,
  rows: readonly CommentThreadsTable[],
  viewerId: string | null,
): Promise<CommentThread[]> {
  const ids = rows.map((row) => row.id);
  const messages = await messagesOf(db, ids);
  const people = await peopleOf(db, partnershipId, rows, [...messages.values()].flat());
  const read = viewerId ? await readStateOf(db, viewerId, ids) : new Map<string, number>();
  return rows.map((row) => presentThread(row, messages.get(row.id) ?? [], people, read.get(row.id) ?? null));
}

/** One thread as `viewerId` sees it, or undefined once it is gone. */
export async function renderThread(
  db: Db,
  threadId: string,
  viewerId: string | null,
): Promise<CommentThread | undefined> {
  const row = await findThread(db, threadId);
  if (!row) return undefined;
  const [thread] = await renderThreads(db, row.partnership_id, [row], viewerId);
  return thread;
}

/** One message as everyone sees it, or undefined once it (or its thread) is gone. */
export async function renderMessage(db: Db, messageId: string): Promise<CommentMessage | undefined> {
  const row = await findMessage(db, messageId);
  if (!row) return undefined;
  const people = await peopleOf(db, row.partnership_id, [], [row]);
  return presentMessage(row, people);
}

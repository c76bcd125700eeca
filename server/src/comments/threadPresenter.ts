import {
  type CommentAuthor,
  type CommentMessage,
  type CommentThread,
  mentionedUserIds,
  type Side,
  type ThreadAnchor,
} from '@samverka/model';
import type { CommentMessagesTable, CommentThreadsTable } from '../storage/schema.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** A person as threads show them: today's name, and their side in this partnership (null once they left). */
export interface PersonRow {
  id: string;
  name: string;
  side: Side | null;
}

/** Who is who, by user id, for one partnership. */
export type People = ReadonlyMap<string, PersonRow>;

function author(people: People, userId: string | null): CommentAuthor | null {
  if (!userId) return null;
  const person = people.get(userId);
  return person ? { userId: person.id, name: person.name, side: person.side } : null;
}

/** The only way a message row becomes JSON. A deleted message keeps its place but not its text. */
export function presentMessage(row: CommentMessagesTable, people: People): CommentMessage {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    threadId: row.thread_id,
    author: author(people, row.author_id),
    body: deleted ? '' : row.body,
    mentions: deleted ? [] : mentionedUserIds(row.body),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    editedAt: iso(row.edited_at),
    deletedAt: iso(row.deleted_at),
  };
}

/** The only way a thread row becomes JSON, for a reader whose read state is `readUpTo`. */
export function presentThread(
  row: CommentThreadsTable,
  messages: readonly CommentMessagesTable[],
  people: People,
  readUpTo: number | null,
): CommentThread {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    anchor: JSON.parse(row.anchor) as ThreadAnchor,
    status: row.status,
    createdBy: author(people, row.created_by),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    resolvedAt: iso(row.resolved_at),
    resolvedBy: author(people, row.resolved_by),
    messages: messages.map((message) => presentMessage(message, people)),
    unread: isUnread(row, readUpTo),
  };
}

/** Whether a thread has a message newer than what its reader has read. */
export function isUnread(row: Pick<CommentThreadsTable, 'last_message_at'>, readUpTo: number | null): boolean {
  return Number(row.last_message_at) > Number(readUpTo ?? 0);
}

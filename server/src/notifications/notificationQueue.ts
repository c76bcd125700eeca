import { mentionedUserIds, type NotificationKind } from '@samverka/model';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DatabaseSchema, NotificationQueueTable } from '../storage/schema.ts';

/** A queue row as read. */
export type QueuedNotification = Selectable<NotificationQueueTable>;

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/** A message just written, as the queue needs it. */
export interface PostedMessage {
  partnershipId: string;
  threadId: string;
  messageId: string;
  authorId: string;
  body: string;
  at: number;
}

/** How long a sender's claim on rows lasts; a process that dies mid-send gives them back after it. */
export const CLAIM_LEASE_MS = 5 * 60 * 1000;

/**
 * Queues, in the message's own transaction, a notification for each person the message
 * mentions and each other participant of the thread (a reply to a thread they wrote in):
 * never the author, only current members, never someone whose notifications are off,
 * and, when `onlyVerified`, only people who confirmed their address. The unique
 * (person, message) pair makes an edit that adds a mention notify only the new person.
 */
export async function enqueueNotifications(
  tx: Transaction<DatabaseSchema>,
  message: PostedMessage,
  options: { replies: boolean; onlyVerified: boolean },
): Promise<number> {
  const kinds = new Map<string, NotificationKind>();
  for (const id of mentionedUserIds(message.body)) kinds.set(id, 'mention');
  if (options.replies) {
    const participants = await tx
      .selectFrom('comment_messages')
      .select('author_id')
      .distinct()
      .where('thread_id', '=', message.threadId)
      .where('id', '!=', message.messageId)
      .where('author_id', 'is not', null)
      .execute();
    for (const { author_id } of participants) if (author_id && !kinds.has(author_id)) kinds.set(author_id, 'reply');
  }
  kinds.delete(message.authorId);
  if (kinds.size === 0) return 0;
  let recipients = tx
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.notify_mode'])
    .where('memberships.partnership_id', '=', message.partnershipId)
    .where('users.id', 'in', [...kinds.keys()])
    .where('users.disabled_at', 'is', null)
    .where('users.notify_mode', '!=', 'off');
  if (options.onlyVerified) recipients = recipients.where('users.email_verified_at', 'is not', null);
  const rows = (await recipients.execute()).map((user) => ({
    user_id: user.id,
    partnership_id: message.partnershipId,
    thread_id: message.threadId,
    message_id: message.messageId,
    kind: kinds.get(user.id) as NotificationKind,
    delivery: user.notify_mode === 'digest' ? ('digest' as const) : ('immediate' as const),
    created_at: message.at,
    claim_id: null,
    claimed_until: null,
    done_at: null,
  }));
  if (rows.length === 0) return 0;
  await tx
    .insertInto('notification_queue')
    .values(rows)
    .onConflict((oc) => oc.columns(['user_id', 'message_id']).doNothing())
    .execute();
  return rows.length;
}

/** Which pending rows a claim takes. */
export interface ClaimFilter {
  delivery: 'immediate' | 'digest';
  /** Only rows queued before this time (the digest's cut-off); immediate rows: now. */
  before: number;
  userId?: string;
  limit: number;
}

/**
 * Claims pending rows for this sender in one UPDATE, so two processes never take the same
 * row: the conditions are repeated on the outer statement, which PostgreSQL re-checks on a
 * row another transaction just claimed (and SQLite runs one writer at a time).
 */
export async function claimRows(
  db: Kysely<DatabaseSchema>,
  claimId: string,
  filter: ClaimFilter,
  now: number,
): Promise<QueuedNotification[]> {
  const pending = <Q extends Parameters<typeof pendingWhere>[0]>(query: Q) => pendingWhere(query, filter, now);
  await db
    .updateTable('notification_queue')
    .set({ claim_id: claimId, claimed_until: now + CLAIM_LEASE_MS })
    .where((eb) => pending(eb))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('notification_queue')
        .select('id')
        .where((inner) => pending(inner))
        .orderBy('id')
        .limit(filter.limit),
    )
    .execute();
  return db
    .selectFrom('notification_queue')
    .selectAll()
    .where('claim_id', '=', claimId)
    .where('done_at', 'is', null)
    .orderBy('id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: one condition builder for the UPDATE and its sub-select
function pendingWhere(eb: any, filter: ClaimFilter, now: number) {
  const conditions = [
    eb('done_at', 'is', null),
    eb('delivery', '=', filter.delivery),
    eb('created_at', '<', filter.before),
    eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]),
  ];
  if (filter.userId) conditions.push(eb('user_id', '=', filter.userId));
  return eb.and(conditions);
}

/** People with digest rows due before `before` and not claimed by a running sender. */
export async function digestRecipients(db: Db, before: number, now: number): Promise<string[]> {
  const rows = await db
    .selectFrom('notification_queue')
    .select('user_id')
    .distinct()
    .where((eb) => pendingWhere(eb, { delivery: 'digest', before, limit: 0 }, now))
    .execute();
  return rows.map((row) => row.user_id);
}

/** Marks this sender's rows done (sent, or dropped at send time). */
export async function markDone(db: Db, claimId: string, ids: readonly number[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notification_queue')
    .set({ done_at: now })
    .where('claim_id', '=', claimId)
    .where('id', 'in', [...ids])
    .execute();
}

/** Done rows older than `before` go: the queue keeps only what is pending and the recent past. */
export async function pruneDone(db: Db, before: number): Promise<void> {
  await db.deleteFrom('notification_queue').where('done_at', '<', before).execute();
}

/**
 * Rows still pending long after they were queued (the SMTP server kept refusing them) are given
 * up, so a dead address is not retried every lease for ever. Returns how many.
 */
export async function giveUpStale(db: Db, queuedBefore: number, now: number): Promise<number> {
  const result = await db
    .updateTable('notification_queue')
    .set({ done_at: now })
    .where('done_at', 'is', null)
    .where('created_at', '<', queuedBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

import {
  type CommentMessage,
  type CommentThread,
  type CreateThreadRequest,
  mentionedUserIds,
  type ThreadStatus,
} from '@samverka/model';
import type { Kysely, Transaction } from 'kysely';
import { doerOf, type Grant } from '../access/accessTargets.ts';
import { recordAudit } from '../audit/auditRecorder.ts';
import { apiErrors } from '../http/apiErrors.ts';
import { randomId } from '../ids.ts';
import { enqueueNotifications, type PostedMessage } from '../notifications/notificationQueue.ts';
import { can } from '../policy/policy.ts';
import type { Dialect } from '../storage/database.ts';
import type { CommentThreadsTable, DatabaseSchema } from '../storage/schema.ts';
import type { RoomRegistry } from '../sync/roomRegistry.ts';
import { checkAnchor } from './anchorCheck.ts';
import type { HubEvent, PartnershipEventHub } from './eventHub.ts';
import { appendEvent, type LoggedEvent } from './eventLog.ts';
import { renderEvent } from './eventRenderer.ts';
import { findThread, membersAmong } from './threadQueries.ts';
import { renderMessage, renderThread } from './threadRenderer.ts';

type Tx = Transaction<DatabaseSchema>;
type Log = (event: LoggedEvent, recipientId?: string) => Promise<void>;
/** Queues the notifications a message causes, in its transaction (`replies`: tell the thread's other participants). */
type Notify = (message: PostedMessage, replies: boolean) => Promise<void>;

/** Where queued notification emails go once the transaction that queued them has committed. */
export interface NotificationOutbox {
  /** Only people who confirmed their address are notified (the server sends email). */
  readonly onlyVerified: boolean;
  /** Sends what was just queued, without making the request wait. */
  kick(): void;
}

export interface CommentDeps {
  db: Kysely<DatabaseSchema>;
  dialect: Dialect;
  hub: PartnershipEventHub;
  rooms: RoomRegistry;
  /** Omitted: nothing is queued (tests of the comment core alone). */
  notifications?: NotificationOutbox;
}

/**
 * Every change to threads and messages. Each runs in one transaction that also
 * appends its events to the partnership event log; the events are rendered in
 * that transaction and handed to the hub once it has committed (none on rollback).
 */
export class CommentCommands {
  constructor(private readonly deps: CommentDeps) {}

  async createThread(grant: Grant<'partnership'>, request: CreateThreadRequest): Promise<CommentThread> {
    const partnershipId = grant.partnership.id;
    await this.checkMentions(partnershipId, request.body);
    await checkAnchor(this.deps.db, this.deps.rooms, partnershipId, request.anchor);
    const userId = grant.actor.userId;
    const threadId = randomId();
    return this.commit(partnershipId, async (tx, log, notify) => {
      const now = Date.now();
      const anchor = request.anchor;
      await tx
        .insertInto('comment_threads')
        .values({
          id: threadId,
          partnership_id: partnershipId,
          anchor_type: anchor.type,
          document_id: anchor.type === 'shape' || anchor.type === 'text' ? anchor.documentId : null,
          anchor: JSON.stringify(anchor),
          status: 'open',
          created_by: userId,
          created_at: now,
          resolved_by: null,
          resolved_at: null,
          last_message_at: now,
        })
        .execute();
      const messageId = await insertMessage(tx, {
        threadId,
        partnershipId,
        authorId: userId,
        body: request.body,
        at: now,
      });
      await notify({ partnershipId, threadId, messageId, authorId: userId, body: request.body, at: now }, false);
      await markRead(tx, userId, [{ id: threadId, last_message_at: now }]);
      await log({ type: 'thread', threadId });
      return (await renderThread(tx, threadId, userId)) as CommentThread;
    });
  }

  async postMessage(grant: Grant<'thread'>, body: string): Promise<CommentMessage> {
    const { thread } = grant;
    await this.checkMentions(thread.partnership_id, body);
    const userId = grant.actor.userId;
    return this.commit(thread.partnership_id, async (tx, log, notify) => {
      const current = await findThread(tx, thread.id);
      if (!current) throw apiErrors.notFound();
      // Strictly increasing per thread, so "read up to" never hides a message posted in the same millisecond.
      const at = Math.max(Date.now(), current.last_message_at + 1);
      await tx.updateTable('comment_threads').set({ last_message_at: at }).where('id', '=', thread.id).execute();
      const messageId = await insertMessage(tx, {
        threadId: thread.id,
        partnershipId: thread.partnership_id,
        authorId: userId,
        body,
        at,
      });
      await notify(
        { partnershipId: thread.partnership_id, threadId: thread.id, messageId, authorId: userId, body, at },
        true,
      );
      await markRead(tx, userId, [{ id: thread.id, last_message_at: at }]);
      await log({ type: 'message', threadId: thread.id, messageId });
      await log({ type: 'read', threadIds: [thread.id] }, userId);
      return (await renderMessage(tx, messageId)) as CommentMessage;
    });
  }

  /** Edits (a new body) or deletes (body undefined) one's own message. */
  async changeMessage(grant: Grant<'message'>, body: string | undefined): Promise<CommentMessage> {
    const { message } = grant;
    if (message.author_id !== grant.actor.userId) throw apiErrors.notAuthor();
    if (body !== undefined) {
      if (message.deleted_at !== null) throw apiErrors.notFound();
      await this.checkMentions(message.partnership_id, body);
    }
    return this.commit(message.partnership_id, async (tx, log, notify) => {
      const now = Date.now();
      await tx.deleteFrom('comment_mentions').where('message_id', '=', message.id).execute();
      if (body === undefined) {
        // The text goes: a deleted message keeps its place in the thread and nothing else.
        await tx
          .updateTable('comment_messages')
          .set({ body: '', deleted_at: message.deleted_at ?? now })
          .where('id', '=', message.id)
          .execute();
      } else {
        await tx.updateTable('comment_messages').set({ body, edited_at: now }).where('id', '=', message.id).execute();
        await insertMentions(tx, message.id, body);
        // Someone newly mentioned hears of it once; people already notified of this message are not again.
        const posted = { partnershipId: message.partnership_id, threadId: message.thread_id, messageId: message.id };
        await notify({ ...posted, authorId: message.author_id ?? '', body, at: now }, false);
      }
      await log({ type: 'message', threadId: message.thread_id, messageId: message.id });
      return (await renderMessage(tx, message.id)) as CommentMessage;
    });
  }

  /** Resolves or reopens: any thread with `resolveAnyThread`, else only one's own. */
  async setStatus(grant: Grant<'thread'>, status: ThreadStatus): Promise<CommentThread> {
    const { thread } = grant;
    const userId = grant.actor.userId;
    const mayAny = can(grant.actor, 'resolveAnyThread', grant.policyTarget).allowed;
    if (!mayAny && thread.created_by !== userId) {
      throw apiErrors.forbidden('Your role allows resolving and reopening only threads you started');
    }
    return this.commit(thread.partnership_id, async (tx, log) => {
      const current = await findThread(tx, thread.id);
      if (!current) throw apiErrors.notFound();
      if (current.status !== status) {
        const now = Date.now();
        await tx
          .updateTable('comment_threads')
          .set(
            status === 'resolved'
              ? { status, resolved_at: now, resolved_by: userId }
              : { status, resolved_at: null, resolved_by: null },
          )
          .where('id', '=', thread.id)
          .execute();
        await audit(tx, grant, status === 'resolved' ? 'thread_resolved' : 'thread_reopened', current);
        await log({ type: 'thread', threadId: thread.id });
      }
      return (await renderThread(tx, thread.id, userId)) as CommentThread;
    });
  }

  /** Deletes a thread with its messages (editors and owners). */
  async deleteThread(grant: Grant<'thread'>): Promise<void> {
    const { thread } = grant;
    await this.commit(thread.partnership_id, async (tx, log) => {
      const current = await findThread(tx, thread.id);
      if (!current) throw apiErrors.notFound();
      const messages = await tx
        .selectFrom('comment_messages')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('thread_id', '=', thread.id)
        .executeTakeFirst();
      await tx.deleteFrom('comment_threads').where('id', '=', thread.id).execute();
      await audit(tx, grant, 'thread_deleted', current, { messages: Number(messages?.count ?? 0) });
      await log({ type: 'threadDeleted', threadId: thread.id });
    });
  }

  /**
   * Marks threads of one partnership read for `userId` up to their latest
   * message: the listed ones, or (threadIds undefined) every unread one.
   * Returns the ids whose state changed; the person's other tabs hear one event.
   */
  async markRead(userId: string, partnershipId: string, threadIds: readonly string[] | undefined): Promise<string[]> {
    return this.commit(partnershipId, async (tx, log) => {
      let query = tx
        .selectFrom('comment_threads')
        .leftJoin('comment_reads', (join) =>
          join.onRef('comment_reads.thread_id', '=', 'comment_threads.id').on('comment_reads.user_id', '=', userId),
        )
        .select(['comment_threads.id', 'comment_threads.last_message_at'])
        .where('comment_threads.partnership_id', '=', partnershipId)
        .where((eb) =>
          eb.or([
            eb('comment_reads.read_up_to', 'is', null),
            eb('comment_reads.read_up_to', '<', eb.ref('comment_threads.last_message_at')),
          ]),
        );
      if (threadIds) {
        if (threadIds.length === 0) return [];
        query = query.where('comment_threads.id', 'in', threadIds);
      }
      const unread = await query.execute();
      if (unread.length === 0) return [];
      await markRead(
        tx,
        userId,
        unread.map((row) => ({ id: row.id, last_message_at: Number(row.last_message_at) })),
      );
      const ids = unread.map((row) => row.id);
      await log({ type: 'read', threadIds: ids }, userId);
      return ids;
    });
  }

  private async checkMentions(partnershipId: string, body: string): Promise<void> {
    const mentioned = mentionedUserIds(body);
    if (mentioned.length === 0) return;
    const members = await membersAmong(this.deps.db, partnershipId, mentioned);
    if (mentioned.some((id) => !members.has(id))) throw apiErrors.mentionNotMember();
  }

  /**
   * Runs `work` in one transaction that may append partnership events (`log`),
   * handed to the live streams once it has committed. Other commands whose
   * changes members hear live (snapshots) use it too.
   */
  withEvents<T>(partnershipId: string, work: (tx: Tx, log: Log) => Promise<T>): Promise<T> {
    return this.commit(partnershipId, work);
  }

  private async commit<T>(partnershipId: string, work: (tx: Tx, log: Log, notify: Notify) => Promise<T>): Promise<T> {
    const published: HubEvent[] = [];
    const outbox = this.deps.notifications;
    let queued = 0;
    const result = await this.deps.db.transaction().execute(async (tx) => {
      const entries: Awaited<ReturnType<typeof appendEvent>>[] = [];
      const log: Log = async (event, recipientId) => {
        entries.push(await appendEvent(tx, this.deps.dialect, partnershipId, event, recipientId ?? null));
      };
      const notify: Notify = async (message, replies) => {
        if (outbox) queued += await enqueueNotifications(tx, message, { replies, onlyVerified: outbox.onlyVerified });
      };
      const value = await work(tx, log, notify);
      // Rendered inside the transaction: what each event says is exactly what committed.
      for (const entry of entries) {
        const rendered = await renderEvent(tx, entry.event, null);
        const lastMessageAt =
          entry.event.type === 'thread' ? (await findThread(tx, entry.event.threadId))?.last_message_at : undefined;
        published.push({ entry, rendered, ...(lastMessageAt !== undefined ? { lastMessageAt } : {}) });
      }
      return value;
    });
    for (const event of published) this.deps.hub.publish(event);
    // Outbox: the rows committed with the message, so a crash here leaves them for the next tick.
    if (queued > 0) outbox?.kick();
    return result;
  }
}

async function insertMessage(
  tx: Tx,
  message: { threadId: string; partnershipId: string; authorId: string; body: string; at: number },
): Promise<string> {
  const id = randomId();
  await tx
    .insertInto('comment_messages')
    .values({
      id,
      thread_id: message.threadId,
      partnership_id: message.partnershipId,
      author_id: message.authorId,
      body: message.body,
      created_at: message.at,
      edited_at: null,
      deleted_at: null,
    })
    .execute();
  await insertMentions(tx, id, message.body);
  return id;
}

async function insertMentions(tx: Tx, messageId: string, body: string): Promise<void> {
  const mentioned = mentionedUserIds(body);
  if (mentioned.length === 0) return;
  await tx
    .insertInto('comment_mentions')
    .values(mentioned.map((userId) => ({ message_id: messageId, user_id: userId })))
    .execute();
}

async function markRead(
  tx: Tx,
  userId: string,
  threads: readonly Pick<CommentThreadsTable, 'id' | 'last_message_at'>[],
): Promise<void> {
  for (const thread of threads) {
    await tx
      .insertInto('comment_reads')
      .values({ thread_id: thread.id, user_id: userId, read_up_to: thread.last_message_at })
      .onConflict((oc) => oc.columns(['thread_id', 'user_id']).doUpdateSet({ read_up_to: thread.last_message_at }))
      .execute();
  }
}

async function audit(
  tx: Tx,
  grant: Grant<'thread'>,
  type: 'thread_resolved' | 'thread_reopened' | 'thread_deleted',
  thread: CommentThreadsTable,
  extra: Record<string, number> = {},
): Promise<void> {
  const doer = doerOf(grant);
  await recordAudit(tx, {
    partnershipId: thread.partnership_id,
    type,
    actorUserId: doer.userId,
    actorSide: doer.side,
    details: { threadId: thread.id, anchorType: thread.anchor_type, ...extra },
  });
}

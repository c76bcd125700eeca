import type { InboxItem, ThreadAnchor } from '@samverka/model';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.ts';
import { presentMessage } from './threadPresenter.ts';
import { peopleOf } from './threadQueries.ts';

type Db = Kysely<DatabaseSchema>;

/** The newest inbox items returned; the unread count covers all of them. */
export const INBOX_LIMIT = 100;

/**
 * Messages for `userId`'s inbox, across the partnerships they are a member of:
 * mentions of them, and replies in threads they started or wrote in (messages
 * by others after their first message there). Their own and deleted messages
 * are left out.
 */
function inboxQuery(db: Db, userId: string) {
  return db
    .selectFrom('comment_messages as m')
    .innerJoin('comment_threads as t', 't.id', 'm.thread_id')
    .innerJoin('memberships as ms', (join) =>
      join.onRef('ms.partnership_id', '=', 't.partnership_id').on('ms.user_id', '=', userId),
    )
    .leftJoin('comment_mentions as cm', (join) =>
      join.onRef('cm.message_id', '=', 'm.id').on('cm.user_id', '=', userId),
    )
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('comment_messages')
          .select(['thread_id', (e) => e.fn.min('created_at').as('first_at')])
          .where('author_id', '=', userId)
          .groupBy('thread_id')
          .as('mine'),
      (join) => join.onRef('mine.thread_id', '=', 'm.thread_id'),
    )
    .leftJoin('comment_reads as r', (join) => join.onRef('r.thread_id', '=', 't.id').on('r.user_id', '=', userId))
    .where('m.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('m.author_id', 'is', null), eb('m.author_id', '!=', userId)]))
    .where((eb) =>
      eb.or([
        eb('cm.user_id', 'is not', null),
        eb.and([eb('mine.first_at', 'is not', null), eb('m.created_at', '>', eb.ref('mine.first_at'))]),
      ]),
    );
}

/** The caller's inbox: newest first, at most `INBOX_LIMIT` items, and how many are unread. */
export async function loadInbox(db: Db, userId: string): Promise<{ items: InboxItem[]; unreadCount: number }> {
  const rows = await inboxQuery(db, userId)
    .innerJoin('partnerships as p', 'p.id', 't.partnership_id')
    .selectAll('m')
    .select([
      'p.name as partnership_name',
      't.anchor as thread_anchor',
      't.status as thread_status',
      'cm.user_id as mentioned',
      'r.read_up_to',
    ])
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id')
    .limit(INBOX_LIMIT)
    .execute();
  const byPartnership = new Map<string, typeof rows>();
  for (const row of rows)
    byPartnership.set(row.partnership_id, [...(byPartnership.get(row.partnership_id) ?? []), row]);
  const people = new Map<string, Awaited<ReturnType<typeof peopleOf>>>();
  for (const [partnershipId, messages] of byPartnership) {
    const normalised = messages.map((row) => ({ ...row, created_at: Number(row.created_at) }));
    people.set(partnershipId, await peopleOf(db, partnershipId, [], normalised));
  }
  const items = rows.map((row): InboxItem => {
    const message = { ...row, created_at: Number(row.created_at) };
    return {
      kind: row.mentioned ? 'mention' : 'reply',
      partnership: { id: row.partnership_id, name: row.partnership_name },
      thread: { id: row.thread_id, anchor: JSON.parse(row.thread_anchor) as ThreadAnchor, status: row.thread_status },
      message: presentMessage(message, people.get(row.partnership_id) ?? new Map()),
      read: row.read_up_to !== null && message.created_at <= Number(row.read_up_to),
    };
  });
  const unread = await unreadInboxThreads(db, userId);
  return { items, unreadCount: unread.count };
}

/** The threads holding unread inbox items, by partnership, and how many such items there are. */
export async function unreadInboxThreads(
  db: Db,
  userId: string,
): Promise<{ count: number; threads: Map<string, string[]> }> {
  const rows = await inboxQuery(db, userId)
    .where((eb) => eb.or([eb('r.read_up_to', 'is', null), eb('m.created_at', '>', eb.ref('r.read_up_to'))]))
    .select(['t.partnership_id', 't.id as thread_id'])
    .execute();
  const threads = new Map<string, string[]>();
  for (const row of rows) {
    const ids = threads.get(row.partnership_id) ?? [];
    if (!ids.includes(row.thread_id)) ids.push(row.thread_id);
    threads.set(row.partnership_id, ids);
  }
  return { count: rows.length, threads };
}

import { type Kysely, sql, type Transaction } from 'kysely';
import type { Dialect } from '../storage/database.ts';
import type { DatabaseSchema } from '../storage/schema.ts';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/**
 * What a logged event names. The log keeps ids only: each event is rendered
 * from the rows as they are when it is sent, so an edited or deleted message
 * never lingers in the log with its old text.
 */
export type LoggedEvent =
  | { type: 'thread'; threadId: string }
  | { type: 'message'; threadId: string; messageId: string }
  | { type: 'read'; threadIds: string[] }
  | { type: 'threadDeleted'; threadId: string }
  | { type: 'snapshot'; snapshotId: string };

/** One row of the partnership event log. */
export interface LogEntry {
  id: number;
  partnershipId: string;
  /** Only this person hears it (read state); null: every member. */
  recipientId: string | null;
  event: LoggedEvent;
}

const HORIZON_KEY = 'partnership_events';

/**
 * Appends one event inside the caller's transaction and returns its id. On
 * PostgreSQL a per-partnership transaction lock makes one partnership's events
 * commit in id order, so a client resuming after id N never skips an id below N
 * that committed late. SQLite runs one writer at a time anyway.
 */
export async function appendEvent(
  tx: Transaction<DatabaseSchema>,
  dialect: Dialect,
  partnershipId: string,
  event: LoggedEvent,
  recipientId: string | null = null,
): Promise<LogEntry> {
  if (dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext(${`events:${partnershipId}`}))`.execute(tx);
  }
  const { type, ...details } = event;
  const row = await tx
    .insertInto('partnership_events')
    .values({
      partnership_id: partnershipId,
      type,
      recipient_id: recipientId,
      details: JSON.stringify(details),
      created_at: Date.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), partnershipId, recipientId, event };
}

/** Events of a partnership after `afterId` that `userId` may hear, oldest first, at most `limit`. */
export async function eventsAfter(
  db: Db,
  partnershipId: string,
  afterId: number,
  userId: string,
  limit: number,
): Promise<LogEntry[]> {
  const rows = await db
    .selectFrom('partnership_events')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .where('id', '>', afterId)
    .where((eb) => eb.or([eb('recipient_id', 'is', null), eb('recipient_id', '=', userId)]))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    partnershipId: row.partnership_id,
    recipientId: row.recipient_id,
    event: { type: row.type, ...JSON.parse(row.details) } as LoggedEvent,
  }));
}

/** The highest event id ever given (0 before the first). */
export async function latestEventId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('partnership_events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const kept = Number(row?.id ?? 0);
  return Math.max(kept, (await firstKeptEventId(db)) - 1);
}

/** The lowest id retention has not removed: a client resuming from before it may have missed events. */
export async function firstKeptEventId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('partnership_event_horizon')
    .select('first_kept_id')
    .where('key', '=', HORIZON_KEY)
    .executeTakeFirst();
  return Number(row?.first_kept_id ?? 1);
}

/**
 * Removes events older than `cutoff` (epoch ms) and moves the horizon past
 * them. Ids are never reused (SQLite AUTOINCREMENT, PostgreSQL sequences), so
 * the horizon only moves forward.
 */
export async function pruneEvents(db: Kysely<DatabaseSchema>, cutoff: number): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const newest = await tx
      .selectFrom('partnership_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('created_at', '<', cutoff)
      .executeTakeFirst();
    const lastPruned = Number(newest?.id ?? 0);
    if (!lastPruned) return 0;
    const deleted = await tx.deleteFrom('partnership_events').where('id', '<=', lastPruned).executeTakeFirst();
    const firstKept = Math.max(lastPruned + 1, await firstKeptEventId(tx));
    const updated = await tx
      .updateTable('partnership_event_horizon')
      .set({ first_kept_id: firstKept })
      .where('key', '=', HORIZON_KEY)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await tx.insertInto('partnership_event_horizon').values({ key: HORIZON_KEY, first_kept_id: firstKept }).execute();
    }
    return Number(deleted.numDeletedRows);
  });
}

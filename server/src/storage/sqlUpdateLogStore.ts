import { type Kysely, sql, type Transaction } from 'kysely';
import type { Dialect } from './database.ts';
import { hasPendingUpdates, REPLAY_BATCH_BYTES, replayUpdateBatches } from './replayUpdates.ts';
import type { DatabaseSchema } from './schema.ts';
import type { UpdateLogWriter } from './sqliteWriter.ts';
import { encodeStateSized } from './stateEncoding.ts';
import type { HandOver, PendingUpdate, UpdateLogStore } from './updateLogStore.ts';

/** A compaction overtaken by others this many times in a row gives up (the next one will merge the rows). */
const COMPACTION_ATTEMPTS = 3;
/** States at least this large are written on the main connection, not by the writer thread (see `replaceRows`). */
const WRITE_ON_MAIN_CONNECTION_BYTES = 8 * 1024 * 1024;

/** The update log in SQL through Kysely; the same code serves SQLite and PostgreSQL. */
export class SqlUpdateLogStore implements UpdateLogStore {
  /** With a writer thread, overlapping appends are committed in call order (it answers in order). */
  readonly appendsInCallOrder: boolean;
  /** Per document, the compaction running or queued last (SQLite with a writer thread). */
  private readonly compactions = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly dialect: Dialect = 'sqlite',
    /** SQLite's writer thread (`Database.updateLogWriter`): appends and row replacements then run there. */
    private readonly writer?: UpdateLogWriter,
  ) {
    this.appendsInCallOrder = writer !== undefined;
  }

  async loadUpdates(documentId: string): Promise<Uint8Array[]> {
    const rows = await this.db
      .selectFrom('document_updates')
      .select('data')
      .where('document_id', '=', documentId)
      .orderBy('id')
      .execute();
    return rows.map((row) => toUint8Array(row.data));
  }

  loadUpdateBatches(
    documentId: string,
    maxBatchBytes = REPLAY_BATCH_BYTES,
    ids?: number[],
  ): AsyncIterable<Uint8Array[]> {
    return readInBatches(this.db, documentId, maxBatchBytes, ids);
  }

  async appendUpdates(updates: readonly PendingUpdate[]): Promise<number[]> {
    if (updates.length === 0) return [];
    if (this.writer) return this.writer.appendUpdates(updates);
    const now = Date.now();
    const rows = updates.map((u) => ({ document_id: u.documentId, data: u.update, created_at: now }));
    return this.db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      // Chunks keep each statement under SQLite's bound-parameter limit.
      for (let i = 0; i < rows.length; i += 500) {
        const inserted = await trx
          .insertInto('document_updates')
          .values(rows.slice(i, i + 500))
          .returning('id')
          .execute();
        // One statement numbers its rows in the order given; RETURNING need not list them in that order.
        ids.push(...inserted.map((row) => Number(row.id)).sort((a, b) => a - b));
      }
      return ids;
    });
  }

  async replaceRows(
    documentId: string,
    rowIds: readonly number[],
    state: Uint8Array,
    handOver?: HandOver,
  ): Promise<boolean> {
    if (rowIds.length === 0) return false;
    // A compaction's delete and insert off the relay loop too (SQLite runs one writer at a time
    // anyway), except a document-sized state: handed to the thread it is held there as well, and
    // may start the thread, which near the size limit took the peak past issue 17's bound of four
    // times the stored size (documentSize.test.ts). Such writes are rare; SQLite takes them in
    // turn with the thread's, as both begin their transactions IMMEDIATE.
    if (this.writer && state.byteLength < WRITE_ON_MAIN_CONNECTION_BYTES) {
      return this.writer.replaceRows(documentId, rowIds, state, handOver);
    }
    // The driver binds a Buffer; a view on the same memory, not a copy of a document-sized state.
    const data = Buffer.from(state.buffer, state.byteOffset, state.byteLength);
    return this.db
      .transaction()
      .execute(async (trx) => {
        await this.lockCompaction(trx, documentId);
        const deleted = await deleteRows(trx, documentId, rowIds);
        // Another compaction took some of them: roll back rather than store a state beside its merge.
        if (deleted !== rowIds.length) throw new RowsGone();
        await trx
          .insertInto('document_updates')
          .values({
            id: rowIds.reduce((a, b) => Math.max(a, b)),
            document_id: documentId,
            data,
            created_at: Date.now(),
          })
          .execute();
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof RowsGone) return false;
        throw error;
      });
  }

  async compact(documentId: string, merged?: number[]): Promise<number> {
    if (this.writer) return this.takeTurns(documentId, () => this.compactThroughWriter(documentId, merged));
    return this.db.transaction().execute(async (trx) => {
      await this.lockCompaction(trx, documentId);
      const ids: number[] = [];
      // Rows are read and replayed a few megabytes at a time, so a large log is never in memory twice.
      const { doc: replayed, bytes } = await replayUpdateBatches(
        readInBatches(trx, documentId, REPLAY_BATCH_BYTES, ids),
      );
      if (ids.length < 2) {
        replayed.destroy();
        return ids.length;
      }
      // An encoded state leaves out updates still waiting for dependencies; keep the log as it is then.
      if (hasPendingUpdates(replayed)) {
        replayed.destroy();
        return 0;
      }
      const encoded = encodeStateSized(replayed, undefined, bytes);
      const state = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
      replayed.destroy();
      const lastId = ids[ids.length - 1] as number;
      // Delete exactly the rows merged (rows appended meanwhile are untouched),
      // then store the merge under the highest id it covers so order is kept.
      const deleted = await deleteRows(trx, documentId, ids);
      // Someone else removed rows we merged: roll back rather than store a merge twice.
      if (deleted !== ids.length) throw new Error(`compaction of ${documentId} raced: ${deleted}/${ids.length} rows`);
      await trx
        .insertInto('document_updates')
        .values({ id: lastId, document_id: documentId, data: state, created_at: Date.now() })
        .execute();
      merged?.push(...ids);
      return ids.length;
    });
  }

  /** One compaction of a document at a time in this process (as PostgreSQL's advisory lock does). */
  private takeTurns<T>(documentId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.compactions.get(documentId) ?? Promise.resolve();
    const turn = previous.catch(() => undefined).then(work);
    this.compactions.set(documentId, turn);
    const done = () => {
      if (this.compactions.get(documentId) === turn) this.compactions.delete(documentId);
    };
    turn.then(done, done);
    return turn;
  }

  /**
   * With SQLite's writer thread the log changes under this connection between any two
   * reads, and a read transaction here could not take the write lock once the thread
   * has committed (SQLITE_BUSY_SNAPSHOT). So the rows are read and replayed outside a
   * transaction (`readInBatches` re-reads when a compaction overtakes it) and the
   * thread swaps exactly them for the state (`replaceRows`); if another compaction took
   * some of them meanwhile, nothing changed and the log is read again.
   */
  private async compactThroughWriter(documentId: string, merged?: number[]): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const ids: number[] = [];
      const { doc: replayed, bytes } = await replayUpdateBatches(
        readInBatches(this.db, documentId, REPLAY_BATCH_BYTES, ids),
      );
      try {
        if (ids.length < 2) return ids.length;
        // An encoded state leaves out updates still waiting for dependencies; keep the log as it is then.
        if (hasPendingUpdates(replayed)) return 0;
        const state = encodeStateSized(replayed, undefined, bytes);
        if (await this.replaceRows(documentId, ids, state, { handOver: true })) {
          merged?.push(...ids);
          return ids.length;
        }
      } finally {
        replayed.destroy();
      }
      if (attempt === COMPACTION_ATTEMPTS) throw new Error(`compaction of ${documentId} raced ${attempt} times`);
    }
  }

  /**
   * PostgreSQL's READ COMMITTED lets two compactions of one document read the
   * same rows; a per-document lock makes them take turns. (SQLite runs one writer at a time.)
   */
  private async lockCompaction(trx: Transaction<DatabaseSchema>, documentId: string): Promise<void> {
    if (this.dialect !== 'postgres') return;
    await sql`select pg_advisory_xact_lock(hashtext(${`compact:${documentId}`}))`.execute(trx);
  }

  async countUpdates(documentId: string): Promise<number> {
    const row = await this.db
      .selectFrom('document_updates')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}

/** Thrown inside `replaceRows`' transaction to roll it back. */
class RowsGone extends Error {}

/** Deletes a document's rows with the given ids; returns how many there were. */
async function deleteRows(
  trx: Transaction<DatabaseSchema>,
  documentId: string,
  ids: readonly number[],
): Promise<number> {
  let deleted = 0;
  // 500 ids per statement keeps SQLite under its bound-parameter limit.
  for (let i = 0; i < ids.length; i += 500) {
    const [result] = await trx
      .deleteFrom('document_updates')
      .where('document_id', '=', documentId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    deleted += Number(result?.numDeletedRows ?? 0);
  }
  return deleted;
}

/**
 * A document's log oldest first in batches of at most `maxBatchBytes` (a larger
 * row comes alone): the sizes are read first, then each batch's bytes. Ids of
 * every row read are pushed to `ids` when given (compaction deletes exactly those).
 *
 * Outside a transaction a compaction (by this or another process) may replace
 * listed rows between the listing and a batch's read: its merged row takes the
 * id of the newest row it covers, which may be newer than the listing. A batch
 * that comes back short is therefore read again from a fresh listing; batches
 * already yielded are yielded again, which replays harmlessly (Yjs updates are
 * idempotent), and `ids` is reset to the rows of the complete pass.
 */
async function* readInBatches(
  db: Kysely<DatabaseSchema> | Transaction<DatabaseSchema>,
  documentId: string,
  maxBatchBytes: number,
  ids?: number[],
): AsyncGenerator<Uint8Array[]> {
  const before = ids?.length ?? 0;
  while (!(yield* readListedRows(db, documentId, maxBatchBytes, ids))) {
    if (ids) ids.length = before;
  }
}

/** One pass of `readInBatches`; false when a listed row was gone by the time its batch was read. */
async function* readListedRows(
  db: Kysely<DatabaseSchema> | Transaction<DatabaseSchema>,
  documentId: string,
  maxBatchBytes: number,
  ids?: number[],
): AsyncGenerator<Uint8Array[], boolean> {
  const sizes = await db
    .selectFrom('document_updates')
    .select(['id', sql<number | string>`length(data)`.as('size')])
    .where('document_id', '=', documentId)
    .orderBy('id')
    .execute();
  let batch: number[] = [];
  let batchBytes = 0;
  const readBatch = async () => {
    const rows = await db
      .selectFrom('document_updates')
      .select('data')
      .where('id', 'in', batch)
      .orderBy('id')
      .execute();
    if (rows.length !== batch.length) return undefined;
    ids?.push(...batch);
    batch = [];
    batchBytes = 0;
    return rows.map((row) => toUint8Array(row.data));
  };
  for (const row of sizes) {
    const size = Number(row.size);
    // 500 ids per statement keeps SQLite under its bound-parameter limit.
    if (batch.length > 0 && (batchBytes + size > maxBatchBytes || batch.length >= 500)) {
      const updates = await readBatch();
      if (!updates) return false;
      yield updates;
    }
    batch.push(row.id);
    batchBytes += size;
  }
  if (batch.length > 0) {
    const updates = await readBatch();
    if (!updates) return false;
    yield updates;
  }
  return true;
}

/** Drivers return Buffer (a Uint8Array subclass); Yjs wants plain views. */
function toUint8Array(data: Uint8Array): Uint8Array {
  return data instanceof Buffer ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data;
}

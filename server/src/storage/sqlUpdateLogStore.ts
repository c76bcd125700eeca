import { type Kysely, sql } from 'kysely';
import * as Y from 'yjs';
import type { Dialect } from './database.ts';
import { hasPendingUpdates, replayUpdates } from './replayUpdates.ts';
import type { DatabaseSchema } from './schema.ts';
import type { PendingUpdate, UpdateLogStore } from './updateLogStore.ts';

/** The update log in SQL through Kysely; the same code serves SQLite and PostgreSQL. */
export class SqlUpdateLogStore implements UpdateLogStore {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly dialect: Dialect = 'sqlite',
  ) {}

  async loadUpdates(documentId: string): Promise<Uint8Array[]> {
    const rows = await this.db
      .selectFrom('document_updates')
      .select('data')
      .where('document_id', '=', documentId)
      .orderBy('id')
      .execute();
    return rows.map((row) => toUint8Array(row.data));
  }

  async appendUpdates(updates: readonly PendingUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    const now = Date.now();
    const rows = updates.map((u) => ({ document_id: u.documentId, data: u.update, created_at: now }));
    await this.db.transaction().execute(async (trx) => {
      // Chunks keep each statement under SQLite's bound-parameter limit.
      for (let i = 0; i < rows.length; i += 500) {
        await trx
          .insertInto('document_updates')
          .values(rows.slice(i, i + 500))
          .execute();
      }
    });
  }

  async compact(documentId: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      if (this.dialect === 'postgres') {
        // READ COMMITTED lets two compactions of one document read the same rows;
        // a per-document lock makes them take turns. (SQLite runs one writer at a time.)
        await sql`select pg_advisory_xact_lock(hashtext(${`compact:${documentId}`}))`.execute(trx);
      }
      const rows = await trx
        .selectFrom('document_updates')
        .select(['id', 'data'])
        .where('document_id', '=', documentId)
        .orderBy('id')
        .execute();
      if (rows.length < 2) return rows.length;
      const replayed = replayUpdates(rows.map((row) => toUint8Array(row.data)));
      // An encoded state leaves out updates still waiting for dependencies; keep the log as it is then.
      if (hasPendingUpdates(replayed)) return 0;
      const merged = Y.encodeStateAsUpdate(replayed);
      replayed.destroy();
      const ids = rows.map((row) => row.id);
      const lastId = ids[ids.length - 1] as number;
      // Delete exactly the rows merged (rows appended meanwhile are untouched),
      // then store the merge under the highest id it covers so order is kept.
      let deleted = 0;
      for (let i = 0; i < ids.length; i += 500) {
        const [result] = await trx
          .deleteFrom('document_updates')
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
        deleted += Number(result?.numDeletedRows ?? 0);
      }
      // Someone else removed rows we merged: roll back rather than store a merge twice.
      if (deleted !== ids.length) throw new Error(`compaction of ${documentId} raced: ${deleted}/${ids.length} rows`);
      await trx
        .insertInto('document_updates')
        .values({ id: lastId, document_id: documentId, data: merged, created_at: Date.now() })
        .execute();
      return rows.length;
    });
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

/** Drivers return Buffer (a Uint8Array subclass); Yjs wants plain views. */
function toUint8Array(data: Uint8Array): Uint8Array {
  return data instanceof Buffer ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data;
}

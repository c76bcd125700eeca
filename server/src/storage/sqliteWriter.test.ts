import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.ts';
import { migrateToLatest } from './migrations.ts';
import type { UpdateLogWriter } from './sqliteWriter.ts';

/** The writer thread against a real SQLite file, read back through the main thread's own connection. */
describe('SQLite writer thread', () => {
  let dir: string;
  let database: Database;
  let writer: UpdateLogWriter;

  const rows = async () =>
    (
      await database.db.selectFrom('document_updates').select(['id', 'document_id', 'data']).orderBy('id').execute()
    ).map((row) => ({ id: row.id, documentId: row.document_id, byte: (row.data as Uint8Array)[0] }));
  const update = (n: number) => new Uint8Array([n]);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-writer-'));
    database = openDatabase({ dataDir: dir });
    await migrateToLatest(database.db, database.dialect);
    writer = database.updateLogWriter as UpdateLogWriter;
  });

  afterEach(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('commits overlapping appends in call order and answers each with its own ids', async () => {
    const calls = Array.from({ length: 50 }, (_, i) =>
      writer.appendUpdates([
        { documentId: i % 2 ? 'a' : 'b', update: update(2 * i) },
        { documentId: 'a', update: update(2 * i + 1) },
      ]),
    );
    const ids = (await Promise.all(calls)).flat();
    expect(ids).toHaveLength(100);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
    const stored = await rows();
    expect(stored.map((r) => r.byte)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(stored.map((r) => r.id)).toEqual(ids);
  });

  it('stores only the update bytes of a view on a larger buffer', async () => {
    const frame = new Uint8Array([9, 9, 7, 8, 9]);
    await writer.appendUpdates([{ documentId: 'a', update: frame.subarray(2, 4) }]);
    const [row] = await database.db.selectFrom('document_updates').select('data').execute();
    expect([...((row?.data ?? []) as Uint8Array)]).toEqual([7, 8]);
    // The caller's bytes are untouched (they are still relayed after the commit).
    expect([...frame]).toEqual([9, 9, 7, 8, 9]);
  });

  it('replaces exactly the given rows, and changes nothing when one is gone', async () => {
    const ids = await writer.appendUpdates([1, 2, 3].map((n) => ({ documentId: 'a', update: update(n) })));
    await writer.appendUpdates([{ documentId: 'b', update: update(4) }]);
    expect(await writer.replaceRows('a', ids.slice(0, 2), update(12))).toBe(true);
    expect((await rows()).map((r) => [r.documentId, r.byte])).toEqual([
      ['a', 12],
      ['a', 3],
      ['b', 4],
    ]);
    expect(await writer.replaceRows('a', [ids[0] as number, ids[2] as number], update(99))).toBe(false);
    expect((await rows()).map((r) => r.byte)).toEqual([12, 3, 4]);
  });

  it('rejects the appends of a failed transaction and keeps serving the next ones', async () => {
    await database.db.schema.alterTable('document_updates').renameTo('moved_away').execute();
    await expect(writer.appendUpdates([{ documentId: 'a', update: update(1) }])).rejects.toThrow(/document_updates/);
    await database.db.schema.alterTable('moved_away').renameTo('document_updates').execute();
    await writer.appendUpdates([{ documentId: 'a', update: update(2) }]);
    expect((await rows()).map((r) => r.byte)).toEqual([2]);
  });

  it('copies its commits into the database file at a quiet moment (its own auto-checkpoint is off)', async () => {
    const file = path.join(dir, 'samverka.db');
    const sizeBefore = fs.statSync(file).size;
    // 300 commits of 1 KB each: past the 200 commits after which a checkpoint is due.
    for (let i = 0; i < 300; i++)
      await writer.appendUpdates([{ documentId: 'a', update: new Uint8Array(1024).fill(i) }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fs.statSync(file).size - sizeBefore).toBeGreaterThan(250 * 1024);
  });

  it('refuses what was outstanding when its thread dies, and starts a new thread for the next append', async () => {
    await writer.appendUpdates([{ documentId: 'a', update: update(1) }]);
    const thread = (writer as unknown as { worker: Worker }).worker;
    // Large enough that the thread is still at it when it is terminated.
    const outstanding = writer.appendUpdates(
      Array.from({ length: 5000 }, () => ({ documentId: 'a', update: update(2) })),
    );
    await thread.terminate();
    // Nothing answered: the caller cannot know whether it was committed, so it is refused.
    await expect(outstanding).rejects.toThrow(/exited/);
    await writer.appendUpdates([{ documentId: 'a', update: update(3) }]);
    expect((await rows()).map((r) => r.byte)).toContain(3);
  });

  it('commits everything asked before close, then refuses', async () => {
    const pending = Array.from({ length: 20 }, (_, i) =>
      writer.appendUpdates([{ documentId: 'a', update: update(i) }]),
    );
    await database.close();
    await Promise.all(pending);
    await expect(writer.appendUpdates([{ documentId: 'a', update: update(0) }])).rejects.toThrow();
    database = openDatabase({ dataDir: dir });
    expect((await rows()).map((r) => r.byte)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});

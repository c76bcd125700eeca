import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Database, openDatabase } from './database.ts';
import { migrateToLatest } from './migrations.ts';
import { SqlUpdateLogStore } from './sqlUpdateLogStore.ts';

/** Collects the updates a doc emits, as a client would send them. */
function editor() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { doc, take: () => updates.splice(0).map((update) => ({ documentId: 'doc-1', update })) };
}

function textOf(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

describe('SqlUpdateLogStore on a real SQLite file', () => {
  let dir: string;
  let database: Database;
  let store: SqlUpdateLogStore;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-store-'));
    database = openDatabase({ dataDir: dir });
    await migrateToLatest(database.db, database.dialect);
    store = new SqlUpdateLogStore(database.db);
  });
  afterEach(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads what was appended, in order, per document', async () => {
    const e = editor();
    e.doc.getText('t').insert(0, 'world');
    e.doc.getText('t').insert(0, 'hello ');
    await store.appendUpdates(e.take());
    await store.appendUpdates([{ documentId: 'other', update: new Uint8Array([0, 0]) }]);
    const loaded = await store.loadUpdates('doc-1');
    expect(loaded).toHaveLength(2);
    expect(textOf(loaded)).toBe('hello world');
    expect(await store.loadUpdates('missing')).toEqual([]);
  });

  it('compacts the log into one row with the same content', async () => {
    const e = editor();
    for (const ch of 'samverka') e.doc.getText('t').insert(e.doc.getText('t').length, ch);
    await store.appendUpdates(e.take());
    expect(await store.countUpdates('doc-1')).toBe(8);
    expect(await store.compact('doc-1')).toBe(8);
    expect(await store.countUpdates('doc-1')).toBe(1);
    expect(textOf(await store.loadUpdates('doc-1'))).toBe('samverka');
  });

  it('keeps updates appended after a compaction, ordered after it', async () => {
    const e = editor();
    e.doc.getText('t').insert(0, 'a');
    e.doc.getText('t').insert(1, 'b');
    await store.appendUpdates(e.take());
    await store.compact('doc-1');
    e.doc.getText('t').insert(2, 'c');
    await store.appendUpdates(e.take());
    expect(await store.countUpdates('doc-1')).toBe(2);
    expect(textOf(await store.loadUpdates('doc-1'))).toBe('abc');
  });

  it('survives reopening the file', async () => {
    const e = editor();
    e.doc.getText('t').insert(0, 'durable');
    await store.appendUpdates(e.take());
    await database.close();
    database = openDatabase({ dataDir: dir });
    store = new SqlUpdateLogStore(database.db);
    expect(textOf(await store.loadUpdates('doc-1'))).toBe('durable');
  });
});

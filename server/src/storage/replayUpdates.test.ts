import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrations.ts';
import { hasPendingUpdates, replayUpdates } from './replayUpdates.ts';
import { SqlUpdateLogStore } from './sqlUpdateLogStore.ts';

/** Two writers' single-character edits, each update logged once, as a server's log holds them. */
function editLog(edits: number): Uint8Array[] {
  const log: Uint8Array[] = [];
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin === 'remote') return;
    log.push(u);
    Y.applyUpdate(b, u, 'remote');
  });
  b.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin === 'remote') return;
    log.push(u);
    Y.applyUpdate(a, u, 'remote');
  });
  for (let i = 0; i < edits; i++) {
    const text = (i % 3 === 0 ? b : a).getText('t');
    if (i % 7 === 6 && text.length > 0) text.delete(Math.floor(text.length / 2), 1);
    else text.insert(text.length === 0 ? 0 : i % text.length, String.fromCharCode(97 + (i % 26)));
  }
  return log;
}

describe('replayUpdates', () => {
  it('gives the same document as merging the updates', () => {
    const log = editLog(2000);
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.mergeUpdates(log));
    const replayed = replayUpdates(log);
    expect(replayed.getText('t').toString()).toBe(merged.getText('t').toString());
    expect(Y.encodeStateVector(replayed)).toEqual(Y.encodeStateVector(merged));
    expect(hasPendingUpdates(replayed)).toBe(false);
  });

  it('notices updates whose dependencies the log lacks', () => {
    const log = editLog(50);
    const gap = [...log.slice(0, 10), ...log.slice(11)];
    expect(hasPendingUpdates(replayUpdates(gap))).toBe(true);
  });
});

describe('compaction with a gap in the log', () => {
  let dir: string | undefined;
  afterEach(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps every row rather than store a state that would drop the waiting updates', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-replay-'));
    const database = openDatabase({ dataDir: dir });
    await migrateToLatest(database.db, database.dialect);
    const store = new SqlUpdateLogStore(database.db, database.dialect);
    const log = editLog(40);
    const gap = [...log.slice(0, 5), ...log.slice(6)];
    await store.appendUpdates(gap.map((update) => ({ documentId: 'd', update })));
    expect(await store.compact('d')).toBe(0);
    expect(await store.countUpdates('d')).toBe(gap.length);
    // Once the missing update arrives the log compacts into one row holding everything.
    await store.appendUpdates([{ documentId: 'd', update: log[5] as Uint8Array }]);
    expect(await store.compact('d')).toBe(log.length);
    const loaded = replayUpdates(await store.loadUpdates('d'));
    expect(loaded.getText('t').toString()).toBe(replayUpdates(log).getText('t').toString());
    await database.close();
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { UpdateLogStore } from '../../src/storage/updateLogStore.ts';

/** One backend under test: a fresh, empty store and a way to reopen it over the same data. */
export interface StoreHarness {
  store: UpdateLogStore;
  /** Closes the connection and opens a new one over the same data. */
  reopen(): Promise<UpdateLogStore>;
  /** Closes the connection and deletes the data. */
  dispose(): Promise<void>;
}

/** Collects the updates a doc emits, as a client would send them. */
function editor(documentId = 'doc-1') {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('t');
  return {
    doc,
    text,
    append: (s: string) => text.insert(text.length, s),
    take: () => updates.splice(0).map((update) => ({ documentId, update })),
  };
}

function docOf(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

const textOf = (updates: Uint8Array[]) => docOf(updates).getText('t').toString();

/**
 * The behaviour every `UpdateLogStore` must have. Each backend's test file calls
 * this once with a factory for a fresh, isolated store.
 */
export function describeUpdateLogStoreContract(name: string, createHarness: () => Promise<StoreHarness>): void {
  describe(`UpdateLogStore contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: UpdateLogStore;

    beforeEach(async () => {
      harness = await createHarness();
      store = harness.store;
    });
    afterEach(async () => {
      await harness?.dispose();
    });

    it('loads the same rows in batches no larger than asked (a larger row alone)', async () => {
      const e = editor();
      for (const part of ['a', 'b'.repeat(300), 'c', 'd', 'e'.repeat(50)]) {
        e.append(part);
        await store.appendUpdates(e.take());
      }
      const batches: Uint8Array[][] = [];
      for await (const batch of store.loadUpdateBatches('doc-1', 100)) batches.push(batch);
      expect(batches.flat()).toEqual(await store.loadUpdates('doc-1'));
      for (const batch of batches) {
        const bytes = batch.reduce((sum, u) => sum + u.byteLength, 0);
        expect(batch.length === 1 || bytes <= 100).toBe(true);
      }
      expect(batches.length).toBeGreaterThanOrEqual(3);
      expect(textOf(batches.flat())).toBe(`a${'b'.repeat(300)}cd${'e'.repeat(50)}`);
    });

    it('loads what was appended, in append order', async () => {
      const e = editor();
      e.append('hello');
      await store.appendUpdates(e.take());
      e.text.insert(0, '>> ');
      e.append(' world');
      await store.appendUpdates(e.take());
      const loaded = await store.loadUpdates('doc-1');
      expect(loaded).toHaveLength(3);
      expect(textOf(loaded)).toBe('>> hello world');
      // Order matters to readers that replay without merging: each row applies cleanly in turn.
      const replay = new Y.Doc();
      for (const u of loaded) {
        Y.applyUpdate(replay, u);
        expect(replay.store.pendingStructs).toBeNull();
      }
    });

    it('keeps documents apart, also within one group commit', async () => {
      const a = editor('doc-a');
      const b = editor('doc-b');
      a.append('alpha');
      b.append('beta');
      await store.appendUpdates([...a.take(), ...b.take()]);
      expect(textOf(await store.loadUpdates('doc-a'))).toBe('alpha');
      expect(textOf(await store.loadUpdates('doc-b'))).toBe('beta');
      expect(await store.loadUpdates('missing')).toEqual([]);
      expect(await store.countUpdates('doc-a')).toBe(1);
      expect(await store.countUpdates('missing')).toBe(0);
    });

    it('counts rows and compacts them into one with the same content', async () => {
      const e = editor();
      for (const ch of 'samverka') e.append(ch);
      await store.appendUpdates(e.take());
      const other = editor('other');
      other.append('untouched');
      await store.appendUpdates(other.take());
      expect(await store.countUpdates('doc-1')).toBe(8);
      expect(await store.compact('doc-1')).toBe(8);
      expect(await store.countUpdates('doc-1')).toBe(1);
      expect(textOf(await store.loadUpdates('doc-1'))).toBe('samverka');
      expect(textOf(await store.loadUpdates('other'))).toBe('untouched');
      // Nothing to merge the second time.
      expect(await store.compact('doc-1')).toBe(1);
      expect(await store.compact('missing')).toBe(0);
    });

    it('keeps updates appended after a compaction', async () => {
      const e = editor();
      e.append('a');
      e.append('b');
      await store.appendUpdates(e.take());
      await store.compact('doc-1');
      e.append('c');
      await store.appendUpdates(e.take());
      expect(await store.countUpdates('doc-1')).toBe(2);
      expect(textOf(await store.loadUpdates('doc-1'))).toBe('abc');
    });

    it('a batched read overtaken by a compaction still yields every update (read again from a fresh listing)', async () => {
      const e = editor();
      for (const ch of 'abcdefghij') {
        e.append(ch.repeat(40));
        await store.appendUpdates(e.take());
      }
      const read: Uint8Array[] = [];
      let compacted = false;
      for await (const batch of store.loadUpdateBatches('doc-1', 100)) {
        read.push(...batch);
        if (compacted) continue;
        compacted = true;
        // Another process appends and compacts between two batches: the merged row takes the id
        // of the new row, which the listing this read began with does not hold.
        e.append('k');
        await store.appendUpdates(e.take());
        expect(await store.compact('doc-1')).toBe(11);
      }
      expect(
        textOf(read).startsWith(
          'abcdefghij'
            .split('')
            .map((ch) => ch.repeat(40))
            .join(''),
        ),
      ).toBe(true);
    });

    it('loses no update appended while compactions run concurrently', async () => {
      const e = editor();
      for (let i = 0; i < 50; i++) e.append(`${i % 10}`);
      await store.appendUpdates(e.take());
      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; i < 40; i++) {
          e.append(String.fromCharCode(97 + w));
          // One transaction per update, so appends interleave with the compactions.
          await store.appendUpdates(e.take());
        }
      });
      const compactors = Array.from({ length: 2 }, async () => {
        for (let i = 0; i < 15; i++) await store.compact('doc-1');
      });
      await Promise.all([...writers, ...compactors]);
      const loaded = docOf(await store.loadUpdates('doc-1'));
      expect(loaded.getText('t').toString()).toBe(e.text.toString());
      expect(Y.encodeStateVector(loaded)).toEqual(Y.encodeStateVector(e.doc));
      await store.compact('doc-1');
      expect(await store.countUpdates('doc-1')).toBe(1);
      expect(textOf(await store.loadUpdates('doc-1'))).toBe(e.text.toString());
    });

    it('answers an append with the rows’ ids in the order given, and the loader reports the ids it read', async () => {
      const a = editor('doc-a');
      const b = editor('doc-b');
      a.append('x');
      b.append('y');
      a.append('z');
      const pending = [...a.take(), ...b.take()];
      const ids = await store.appendUpdates(pending);
      expect(ids).toHaveLength(3);
      expect([...ids].sort((x, y) => x - y)).toEqual(ids);
      const read: number[] = [];
      for await (const batch of store.loadUpdateBatches('doc-a', undefined, read))
        expect(batch.length).toBeGreaterThan(0);
      expect(read).toEqual([ids[0], ids[1]]);
    });

    it('replaces exactly the rows named by a state covering them, and nothing when one is gone', async () => {
      const e = editor();
      for (const ch of 'abc') e.append(ch);
      const covered = await store.appendUpdates(e.take());
      // A row appended by someone else (another process) that the state does not cover.
      const stranger = editor();
      stranger.append('!');
      await store.appendUpdates(stranger.take());
      expect(await store.replaceRows('doc-1', covered, Y.encodeStateAsUpdate(e.doc))).toBe(true);
      expect(await store.countUpdates('doc-1')).toBe(2);
      const loaded = docOf(await store.loadUpdates('doc-1'));
      expect(loaded.getText('t').toString()).toMatch(/^(abc!|!abc)$/);
      // The replaced rows are gone now: a second replacement naming them changes nothing.
      expect(await store.replaceRows('doc-1', covered, Y.encodeStateAsUpdate(e.doc))).toBe(false);
      expect(await store.countUpdates('doc-1')).toBe(2);
      expect(await store.replaceRows('doc-1', [], new Uint8Array([0, 0]))).toBe(false);
    });

    it('stores large binary updates byte for byte', async () => {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      const blob = new Uint8Array(4 * 1024 * 1024);
      for (let i = 0; i < blob.length; i++) blob[i] = (i * 2654435761) >>> 24;
      doc.getMap<Uint8Array>('files').set('blob', blob);
      await store.appendUpdates(updates.map((update) => ({ documentId: 'big', update })));
      const loaded = await store.loadUpdates('big');
      expect(loaded).toHaveLength(1);
      expect(Buffer.from(loaded[0] as Uint8Array).equals(Buffer.from(updates[0] as Uint8Array))).toBe(true);
      const restored = docOf(loaded).getMap<Uint8Array>('files').get('blob') as Uint8Array;
      expect(Buffer.from(restored).equals(Buffer.from(blob))).toBe(true);
    });

    it('survives closing and reopening the database', async () => {
      const e = editor();
      e.append('durable');
      await store.appendUpdates(e.take());
      store = await harness.reopen();
      expect(textOf(await store.loadUpdates('doc-1'))).toBe('durable');
      e.append('!');
      await store.appendUpdates(e.take());
      expect(await store.countUpdates('doc-1')).toBe(2);
    });
  });
}

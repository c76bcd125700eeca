import { describe, expect, it } from 'vitest';
import type { PendingUpdate, UpdateLogStore } from '../storage/updateLogStore.ts';
import { GroupCommitWriter } from './groupCommitWriter.ts';

/** A store that records each transaction it is asked to commit. */
function recordingStore(fail = false) {
  const transactions: PendingUpdate[][] = [];
  const store: UpdateLogStore = {
    async appendUpdates(updates) {
      transactions.push([...updates]);
      if (fail) throw new Error('disk full');
      return updates.map(() => transactions.length);
    },
    loadUpdates: async () => [],
    async *loadUpdateBatches() {},
    compact: async () => 0,
    replaceRows: async () => false,
    countUpdates: async () => 0,
  };
  return { store, transactions };
}

const update = (n: number) => new Uint8Array([n]);

describe('GroupCommitWriter', () => {
  it('commits everything appended in one turn as one transaction, in order', async () => {
    const { store, transactions } = recordingStore();
    const writer = new GroupCommitWriter(store);
    await Promise.all([writer.append('a', update(1)), writer.append('b', update(2)), writer.append('a', update(3))]);
    expect(transactions).toHaveLength(1);
    expect(transactions[0]?.map((u) => [u.documentId, u.update[0]])).toEqual([
      ['a', 1],
      ['b', 2],
      ['a', 3],
    ]);
  });

  it('resolves an append only after its transaction', async () => {
    const { store, transactions } = recordingStore();
    const writer = new GroupCommitWriter(store);
    let committed = false;
    const done = writer.append('a', update(1)).then(() => {
      committed = transactions.length === 1;
    });
    expect(transactions).toHaveLength(0);
    await done;
    expect(committed).toBe(true);
  });

  it('rejects every append of a failed transaction', async () => {
    const { store } = recordingStore(true);
    const writer = new GroupCommitWriter(store);
    const results = await Promise.allSettled([writer.append('a', update(1)), writer.append('a', update(2))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('drain waits for appends made while a commit is running', async () => {
    const { store, transactions } = recordingStore();
    const writer = new GroupCommitWriter(store);
    void writer.append('a', update(1));
    await Promise.resolve();
    void writer.append('a', update(2));
    await writer.drain();
    expect(transactions.flat().map((u) => u.update[0])).toEqual([1, 2]);
  });

  it('hands an ordered store the next batch while the previous one is still committing', async () => {
    // Like SQLite's writer thread: commits take turns in call order, each settling when its turn is done.
    const started: number[][] = [];
    const finish: Array<() => void> = [];
    let turn = Promise.resolve();
    const store: UpdateLogStore = {
      ...recordingStore().store,
      appendsInCallOrder: true,
      appendUpdates(updates) {
        started.push(updates.map((u) => u.update[0] as number));
        const batch = started.length;
        turn = turn.then(() => new Promise<void>((resolve) => finish.push(resolve)));
        return turn.then(() => updates.map((_, i) => batch * 10 + i));
      },
    };
    const writer = new GroupCommitWriter(store);
    const settled: number[] = [];
    const first = writer.append('a', update(1)).then((id) => settled.push(id));
    await new Promise((resolve) => setImmediate(resolve));
    const second = writer.append('a', update(2)).then((id) => settled.push(id));
    await new Promise((resolve) => setImmediate(resolve));
    // The second batch went out before the first was committed…
    expect(started).toEqual([[1], [2]]);
    expect(settled).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    finish.shift()?.();
    await first;
    // …and settles only after it, in order.
    expect(settled).toEqual([10]);
    const drained = writer.drain();
    await new Promise((resolve) => setImmediate(resolve));
    finish.shift()?.();
    await Promise.all([second, drained]);
    expect(settled).toEqual([10, 20]);
  });

  it('keeps one batch in flight for a store that does not order overlapping appends', async () => {
    const started: number[][] = [];
    const finish: Array<() => void> = [];
    const store: UpdateLogStore = {
      ...recordingStore().store,
      appendUpdates(updates) {
        started.push(updates.map((u) => u.update[0] as number));
        return new Promise((resolve) => finish.push(() => resolve(updates.map(() => started.length))));
      },
    };
    const writer = new GroupCommitWriter(store);
    const first = writer.append('a', update(1));
    await new Promise((resolve) => setImmediate(resolve));
    const second = writer.append('a', update(2));
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([[1]]);
    finish.shift()?.();
    await first;
    // The waiting batch is scheduled for the next turn once the first has settled.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([[1], [2]]);
    finish.shift()?.();
    await second;
  });
});

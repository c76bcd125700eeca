import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GatedStore } from '../../test/support/gatedStore.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { MetricsRegistry } from '../metrics.ts';
import { type Database, openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrations.ts';
import { SqlUpdateLogStore } from '../storage/sqlUpdateLogStore.ts';
import { RoomRegistry } from './roomRegistry.ts';
import type { SyncSocket } from './syncConnection.ts';
import { encodeUpdate, frameSyncStep2 } from './syncMessages.ts';

/** A sync step 1 frame asking for everything (an empty state vector). */
const askEverything = new Uint8Array([0, 0, 1, 0]);

const tick = () => new Promise((r) => setTimeout(r, 20));

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await tick();
  }
}

describe('RoomRegistry', () => {
  let dir: string;
  let database: Database;
  let store: GatedStore;
  let registry: RoomRegistry;
  let metrics: MetricsRegistry;

  async function setUp(gate: ConstructorParameters<typeof GatedStore>[1], compactionThreshold = 1000) {
    store = new GatedStore(new SqlUpdateLogStore(database.db), gate);
    const limits = { ...loadConfig({ DATA_DIR: dir }).sync, roomUnloadGraceMs: 0, compactionThreshold };
    metrics = new MetricsRegistry();
    registry = new RoomRegistry(store, limits, createLogger('silent'), metrics);
  }

  /** A gauge's current value from the /metrics text. */
  function metricValue(name: string): number {
    return Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(metrics.render())?.[1] ?? Number.NaN);
  }

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-registry-'));
    database = openDatabase({ dataDir: dir });
    await migrateToLatest(database.db, database.dialect);
  });
  afterEach(async () => {
    store.openAll();
    await registry.shutdown(1001);
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('unloads a room opened for a socket that never joined it', async () => {
    await setUp({ compactions: false });
    const room = await registry.open('orphan');
    expect(metricValue('samverka_rooms')).toBe(1);
    registry.releaseIfIdle(room);
    await until(() => metricValue('samverka_rooms') === 0, 'the orphaned room to unload');
  });

  it('makes a connection that arrives during an unload wait for it and get a fresh room with every edit', async () => {
    await setUp({ compactions: true });
    const first = await registry.open('doc');
    const socket: SyncSocket = { send: () => {}, close: () => {} };
    first.addConnection(socket, { mode: 'read-write' });
    const source = new Y.Doc();
    source.getText('t').insert(0, 'kept across the unload');
    first.receive(socket, encodeUpdate(Y.encodeStateAsUpdate(source)));
    await first.flushed();
    // A second row, so the unload has rows to merge (and holds at the gate doing so).
    const before = Y.encodeStateVector(source);
    source.getText('t').insert(0, '» ');
    first.receive(socket, encodeUpdate(Y.encodeStateAsUpdate(source, before)));
    await first.flushed();
    first.removeConnection(socket); // the last socket leaves: unload after a 0 ms grace
    await until(() => store.waitingCompactions === 1, 'the unload to start compacting');

    let second: Awaited<ReturnType<RoomRegistry['open']>> | undefined;
    const opening = registry.open('doc').then((room) => {
      second = room;
    });
    // Another document loads meanwhile; had 'doc' been handed its dying room, that would have come first.
    await registry.open('other');
    expect(second).toBeUndefined(); // it waits for the unload instead of joining the dying room

    store.releaseCompaction();
    await opening;
    expect(second).not.toBe(first);
    expect(second?.doc.getText('t').toString()).toBe('» kept across the unload');
    // The old room is gone for good: a socket handed it late is turned away.
    expect(first.addConnection({ send: () => {}, close: () => {} }, { mode: 'read-write' })).toBe(false);
    expect(await store.countUpdates('doc')).toBe(1);
  });

  it('compacts on unload what was committed while a threshold compaction was still running', async () => {
    await setUp({ compactionsFinish: true }, 2);
    const room = await registry.open('doc');
    const socket: SyncSocket = { send: () => {}, close: () => {} };
    room.addConnection(socket, { mode: 'read-write' });
    const source = new Y.Doc();
    const edit = async (s: string) => {
      const before = Y.encodeStateVector(source);
      source.getText('t').insert(source.getText('t').length, s);
      room.receive(socket, encodeUpdate(Y.encodeStateAsUpdate(source, before)));
      await room.flushed();
    };
    await edit('a');
    await edit('b'); // the threshold: a compaction merges a+b and is then held in flight
    await until(() => store.waitingCompactions === 1, 'the threshold compaction to be in flight');
    await edit('c');
    await edit('d');
    room.removeConnection(socket); // unload while the first compaction is still running
    await tick();
    store.openAll();
    await until(() => registry.metrics.compactions.get() >= 2, 'the unload to compact again');
    await until(() => metrics.render().includes('\nsamverka_rooms 0\n'), 'the room to unload');
    expect(await store.countUpdates('doc')).toBe(1);
    const loaded = new Y.Doc();
    for (const u of await store.loadUpdates('doc')) Y.applyUpdate(loaded, u);
    expect(loaded.getText('t').toString()).toBe('abcd');
  });

  it('replaces the rows its doc applied by its state at unload, and keeps a row another process appended', async () => {
    await setUp({});
    const room = await registry.open('doc');
    const socket: SyncSocket = { send: () => {}, close: () => {} };
    room.addConnection(socket, { mode: 'read-write' });
    const source = new Y.Doc();
    for (const s of ['a', 'b', 'c']) {
      const before = Y.encodeStateVector(source);
      source.getText('t').insert(source.getText('t').length, s);
      room.receive(socket, encodeUpdate(Y.encodeStateAsUpdate(source, before)));
      await room.flushed();
    }
    // Written to the same log by someone the room never heard of: its doc does not cover this row.
    const stranger = new Y.Doc();
    stranger.getMap('m').set('from', 'elsewhere');
    await store.appendUpdates([{ documentId: 'doc', update: Y.encodeStateAsUpdate(stranger) }]);
    room.removeConnection(socket);
    await until(() => metrics.render().includes('\nsamverka_rooms 0\n'), 'the room to unload');
    // The room's three rows became its state; the stranger's row was then merged by replaying the two.
    expect(registry.metrics.compactions.get()).toBe(2);
    expect(await store.countUpdates('doc')).toBe(1);
    const loaded = new Y.Doc();
    for (const u of await store.loadUpdates('doc')) Y.applyUpdate(loaded, u);
    expect(loaded.getText('t').toString()).toBe('abc');
    expect(loaded.getMap('m').get('from')).toBe('elsewhere');
  });

  it('answers the first client of a document stored as one state with that state, and encodes once it changed', async () => {
    await setUp({});
    const source = new Y.Doc();
    source.getText('t').insert(0, 'stored state');
    const state = Y.encodeStateAsUpdate(source);
    await store.appendUpdates([{ documentId: 'doc', update: state }]);
    const room = await registry.open('doc');
    const sent: Uint8Array[] = [];
    const socket: SyncSocket = { send: (frame) => sent.push(frame), close: () => {} };
    room.addConnection(socket, { mode: 'read-write' });
    room.receive(socket, askEverything);
    await until(() => sent.length === 2, 'the answer');
    expect(Buffer.from(sent[1] as Uint8Array).equals(Buffer.from(frameSyncStep2(state)))).toBe(true);

    // After an edit the stored row is no longer the whole document: the answer is the doc's own state.
    const before = Y.encodeStateVector(source);
    source.getText('t').insert(0, '» ');
    room.receive(socket, encodeUpdate(Y.encodeStateAsUpdate(source, before)));
    await room.flushed();
    const second: SyncSocket = { send: (frame) => sent.push(frame), close: () => {} };
    room.addConnection(second, { mode: 'read-write' });
    const count = sent.length;
    room.receive(second, askEverything);
    await until(() => sent.length === count + 1, 'the second answer');
    const reader = new Y.Doc();
    const answer = decoding.createDecoder(sent[count] as Uint8Array);
    decoding.readVarUint(answer); // message type
    decoding.readVarUint(answer); // sync step 2
    Y.applyUpdate(reader, decoding.readVarUint8Array(answer));
    expect(reader.getText('t').toString()).toBe('» stored state');
    room.removeConnection(socket);
    room.removeConnection(second);
  });
});

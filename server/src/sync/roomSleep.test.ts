import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { MetricsRegistry } from '../metrics.ts';
import { type Database, openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrations.ts';
import { SqlUpdateLogStore } from '../storage/sqlUpdateLogStore.ts';
import type { Room } from './room.ts';
import { RoomRegistry } from './roomRegistry.ts';
import type { SyncSocket } from './syncConnection.ts';
import { encodeUpdate } from './syncMessages.ts';

/** A sync step 1 frame asking for everything (an empty state vector). */
const askEverything = new Uint8Array([0, 0, 1, 0]);

/** A socket recording what the server sends it; `doc` applies every sync step 2 and update. */
function clientSocket(): { socket: SyncSocket; doc: Y.Doc } {
  const doc = new Y.Doc();
  const socket: SyncSocket = {
    send: (frame) => {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) === 0) return;
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
    },
    close: () => {},
  };
  return { socket, doc };
}

/** Two sweeps with nothing in between: the first finds the room active, the second lets it sleep. */
function sleep(room: Room): void {
  room.sleepIfIdle(Number.POSITIVE_INFINITY);
  expect(room.sleepIfIdle(Number.POSITIVE_INFINITY)).toBe(true);
  expect(room.sleeping).toBe(true);
}

describe('a room whose document sleeps while its sockets stay', () => {
  let dir: string;
  let database: Database;
  let store: SqlUpdateLogStore;
  let registry: RoomRegistry;
  let metrics: MetricsRegistry;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-sleep-'));
    database = openDatabase({ dataDir: dir });
    await migrateToLatest(database.db, database.dialect);
    store = new SqlUpdateLogStore(database.db);
    metrics = new MetricsRegistry();
    // The sweep is off: the tests let rooms sleep themselves.
    const limits = { ...loadConfig({ DATA_DIR: dir }).sync, roomUnloadGraceMs: 0, sleepAfterMs: 0 };
    registry = new RoomRegistry(store, limits, createLogger('silent'), metrics);
  });
  afterEach(async () => {
    await registry.shutdown(1001);
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function edit(room: Room, socket: SyncSocket, source: Y.Doc, text: string): Promise<void> {
    const before = Y.encodeStateVector(source);
    source.getText('t').insert(source.getText('t').length, text);
    room.receive(socket, encodeUpdate(Y.encodeStateAsUpdate(source, before)));
    await room.flushed();
  }

  it('wakes for an edit, which is stored and relayed, and answers a newcomer with everything', async () => {
    const room = await registry.open('doc');
    const writer = clientSocket();
    const reader = clientSocket();
    room.addConnection(writer.socket, { mode: 'read-write' });
    room.addConnection(reader.socket, { mode: 'read-write' });
    const source = new Y.Doc();
    await edit(room, writer.socket, source, 'before sleep');
    sleep(room);

    await edit(room, writer.socket, source, ', after');
    expect(room.sleeping).toBe(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(reader.doc.getText('t').toString()).toBe('before sleep, after');
    const stored = new Y.Doc();
    for (const update of await store.loadUpdates('doc')) Y.applyUpdate(stored, update);
    expect(stored.getText('t').toString()).toBe('before sleep, after');

    sleep(room);
    const newcomer = clientSocket();
    room.addConnection(newcomer.socket, { mode: 'read-only' });
    room.receive(newcomer.socket, askEverything);
    await new Promise((r) => setTimeout(r, 20));
    expect(newcomer.doc.getText('t').toString()).toBe('before sleep, after');
  });

  it('stays awake while it is being edited, and when larger than allowed to sleep', async () => {
    const room = await registry.open('doc');
    const writer = clientSocket();
    room.addConnection(writer.socket, { mode: 'read-write' });
    const source = new Y.Doc();
    room.sleepIfIdle(Number.POSITIVE_INFINITY);
    await edit(room, writer.socket, source, 'typing');
    expect(room.sleepIfIdle(Number.POSITIVE_INFINITY)).toBe(false);
    expect(room.sleepIfIdle(1)).toBe(false); // idle now, but larger than allowed to sleep
    expect(room.sleeping).toBe(false);
  });

  it('is compacted from its sleeping state when it unloads', async () => {
    const room = await registry.open('doc');
    const writer = clientSocket();
    room.addConnection(writer.socket, { mode: 'read-write' });
    const source = new Y.Doc();
    for (const text of ['a', 'b', 'c']) await edit(room, writer.socket, source, text);
    sleep(room);
    room.removeConnection(writer.socket);
    const deadline = Date.now() + 10_000;
    while (!metrics.render().includes('\nsamverka_rooms 0\n')) {
      if (Date.now() > deadline) throw new Error('the room did not unload');
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await store.countUpdates('doc')).toBe(1);
    const stored = new Y.Doc();
    for (const update of await store.loadUpdates('doc')) Y.applyUpdate(stored, update);
    expect(stored.getText('t').toString()).toBe('abc');
  });
});

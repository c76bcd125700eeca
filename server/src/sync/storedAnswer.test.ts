import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WebSocketLike } from '@hono/node-server';
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { MetricsRegistry } from '../metrics.ts';
import { type Database, openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrations.ts';
import { SqlUpdateLogStore } from '../storage/sqlUpdateLogStore.ts';
import type { DocumentRelay, RelayListener } from './documentRelay.ts';
import type { Room } from './room.ts';
import { RoomRegistry } from './roomRegistry.ts';
import { encodeUpdate, frameSyncStep2 } from './syncMessages.ts';
import { SyncSession } from './syncSession.ts';

/** A sync step 1 frame asking for everything (an empty state vector). */
const askEverything = new Uint8Array([0, 0, 1, 0]);

function syncStep1(doc: Y.Doc): Uint8Array {
  const vector = Y.encodeStateVector(doc);
  return new Uint8Array([0, 0, vector.byteLength, ...vector]);
}

/** The other server processes, as the registry hears them: the test delivers their committed updates. */
class TestRelay implements DocumentRelay {
  readonly listeners = new Map<string, RelayListener>();
  async join(documentId: string, listener: RelayListener): Promise<() => void> {
    this.listeners.set(documentId, listener);
    return () => this.listeners.delete(documentId);
  }
  publishUpdate(): void {}
  publishAwareness(): void {}
  onReconnect(): void {}
}

/** The server end of one client's socket: records what the server sends it. */
class RecordingSocket {
  readonly sent: Uint8Array[] = [];
  send(frame: Uint8Array): void {
    this.sent.push(new Uint8Array(frame));
  }
  close(): void {}
  /** Applies every sync step 2 and update sent so far to `doc`, in order; returns how many step 2 frames there were. */
  applyTo(doc: Y.Doc): number {
    let answers = 0;
    for (const frame of this.sent) {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== 0) continue;
      const type = decoding.readVarUint(decoder);
      if (type === 0) continue; // the server's own sync step 1
      if (type === 1) answers += 1;
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
    }
    return answers;
  }
}

describe('a client joining while its document loads', () => {
  let dir: string;
  let database: Database;
  let store: SqlUpdateLogStore;
  let registry: RoomRegistry;
  let relay: TestRelay;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-stored-answer-'));
    database = openDatabase({ dataDir: dir });
    await migrateToLatest(database.db, database.dialect);
    store = new SqlUpdateLogStore(database.db);
    relay = new TestRelay();
    const limits = { ...loadConfig({ DATA_DIR: dir }).sync, roomUnloadGraceMs: 60_000 };
    registry = new RoomRegistry(store, limits, createLogger('silent'), new MetricsRegistry(), undefined, relay);
  });
  afterEach(async () => {
    await registry.shutdown(1001);
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A session for `socket`, authorised and upgraded, with the document's load started (as the route does). */
  function connect(socket: RecordingSocket): { session: SyncSession; opening: Promise<Room> } {
    const session = new SyncSession({ close: () => {}, left: () => {}, maxFrameBytes: 1 << 20 });
    session.authorised({ mode: 'read-write' });
    session.opened(socket as unknown as WebSocketLike);
    const opening = registry.open('doc');
    const stored = registry.storedAnswerWhileLoading('doc');
    if (stored) session.answerWhileLoading(stored);
    return { session, opening };
  }

  it('is sent the stored state before the room exists, and gets an update relayed during the load', async () => {
    const source = new Y.Doc();
    source.getText('t').insert(0, 'stored state');
    const state = Y.encodeStateAsUpdate(source);
    await store.appendUpdates([{ documentId: 'doc', update: state }]);

    const socket = new RecordingSocket();
    const { session, opening } = connect(socket);
    session.receive(askEverything);
    let room: Room | undefined;
    void opening.then((r) => (room = r));
    // Once the log is read (the session's answer went first), another process commits an edit.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, state);
    const before = Y.encodeStateVector(elsewhere);
    elsewhere.getText('t').insert(0, 'elsewhere, ');
    let sentAtRead: Uint8Array[] = [];
    registry.storedAnswerWhileLoading('doc')?.whenRead(() => {
      sentAtRead = [...socket.sent];
      relay.listeners.get('doc')?.update(Y.encodeStateAsUpdate(elsewhere, before));
    });

    expect(session.join(await opening)).toBe(true);
    expect(sentAtRead).toHaveLength(1);
    expect(Buffer.from(sentAtRead[0] as Uint8Array).equals(Buffer.from(frameSyncStep2(state)))).toBe(true);
    await (room as Room).flushed();
    await new Promise((r) => setTimeout(r, 20));
    const client = new Y.Doc();
    socket.applyTo(client);
    expect(client.getText('t').toString()).toBe('elsewhere, stored state');
    expect((room as Room).doc.getText('t').toString()).toBe('elsewhere, stored state');
  });

  it('is answered once when the doc is exactly the stored state, and its own edit made meanwhile is stored', async () => {
    const source = new Y.Doc();
    source.getText('t').insert(0, 'stored state');
    await store.appendUpdates([{ documentId: 'doc', update: Y.encodeStateAsUpdate(source) }]);

    const socket = new RecordingSocket();
    const { session, opening } = connect(socket);
    session.receive(askEverything);
    const mine = new Y.Doc();
    mine.getText('t').insert(0, 'mine');
    session.receive(encodeUpdate(Y.encodeStateAsUpdate(mine)));
    const room = await opening;
    expect(session.join(room)).toBe(true);
    await room.flushed();
    await new Promise((r) => setTimeout(r, 20));

    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(mine));
    expect(socket.applyTo(client)).toBe(1);
    expect(client.getText('t').toString()).toBe(room.doc.getText('t').toString());
    const stored = new Y.Doc();
    for (const update of await store.loadUpdates('doc')) Y.applyUpdate(stored, update);
    expect(stored.getText('t').toString()).toBe(room.doc.getText('t').toString());
    expect(stored.getText('t').toString()).toContain('mine');
  });

  it('is sent a compacted state and the edits after it merged, or only what its state vector lacks', async () => {
    const source = new Y.Doc();
    source.getText('t').insert(0, 'compacted');
    await store.appendUpdates([{ documentId: 'doc', update: Y.encodeStateAsUpdate(source) }]);
    const known = Y.encodeStateAsUpdate(source);
    for (const edit of [' then', ' edited']) {
      const before = Y.encodeStateVector(source);
      source.getText('t').insert(source.getText('t').length, edit);
      await store.appendUpdates([{ documentId: 'doc', update: Y.encodeStateAsUpdate(source, before) }]);
    }

    const fresh = new RecordingSocket();
    const returning = new RecordingSocket();
    const first = connect(fresh);
    const second = connect(returning);
    const client = new Y.Doc();
    Y.applyUpdate(client, known); // has the compacted state from an earlier visit
    // Both ask only once the log is read, as a slower client would.
    registry.storedAnswerWhileLoading('doc')?.whenRead(() => {
      first.session.receive(askEverything);
      second.session.receive(syncStep1(client));
    });
    const room = await first.opening;
    expect(fresh.sent).toHaveLength(1);
    expect(returning.sent).toHaveLength(1);
    expect(returning.sent[0]?.byteLength).toBeLessThan(fresh.sent[0]?.byteLength as number);
    expect(first.session.join(room)).toBe(true);
    expect(second.session.join(room)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));

    const newcomer = new Y.Doc();
    fresh.applyTo(newcomer);
    returning.applyTo(client);
    expect(newcomer.getText('t').toString()).toBe('compacted then edited');
    expect(client.getText('t').toString()).toBe('compacted then edited');
  });
});

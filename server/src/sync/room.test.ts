import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SyncMessageType } from '@samverka/model';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { GatedStore } from '../../test/support/gatedStore.ts';
import { roomDeps } from '../../test/support/roomFixture.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { MetricsRegistry } from '../metrics.ts';
import { type Database, openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrations.ts';
import { SqlUpdateLogStore } from '../storage/sqlUpdateLogStore.ts';
import { GroupCommitWriter } from './groupCommitWriter.ts';
import { Room } from './room.ts';
import type { SyncSocket } from './syncConnection.ts';
import { createSyncMetrics } from './syncMetrics.ts';

/** The core's transport, as a test sees it: frames in a list. */
function recordingSocket() {
  const frames: Uint8Array[] = [];
  const socket: SyncSocket = { send: (f) => frames.push(f), close: () => {} };
  return { socket, frames };
}

function syncFrame(kind: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SyncMessageType.SYNC);
  encoding.writeVarUint(encoder, kind);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Applies every sync step 2 / update frame a socket received to a fresh doc. */
function docFrom(frames: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== SyncMessageType.SYNC) continue;
    const kind = decoding.readVarUint(decoder);
    if (kind === syncProtocol.messageYjsSyncStep1) continue;
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
  }
  return doc;
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('Room', () => {
  let dir: string;
  let database: Database;
  let store: GatedStore;
  let room: Room;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-room-'));
    database = openDatabase({ dataDir: dir });
    await migrateToLatest(database.db, database.dialect);
    store = new GatedStore(new SqlUpdateLogStore(database.db), { appends: true });
    room = new Room('room-doc', new Y.Doc(), roomDeps(store, dir));
  });
  afterEach(async () => {
    store.openAll();
    room.destroy();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a sync step 1 only with updates committed by the time the answer is sent', async () => {
    const writer = recordingSocket();
    const joiner = recordingSocket();
    room.addConnection(writer.socket, { mode: 'read-write' });
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getText('t').insert(0, 'first ');
    source.getText('t').insert(6, 'second');

    room.receive(writer.socket, syncFrame(syncProtocol.messageYjsUpdate, updates[0] as Uint8Array));
    await tick(); // the first commit is now waiting at the gate
    room.addConnection(joiner.socket, { mode: 'read-write' });
    room.receive(joiner.socket, syncFrame(syncProtocol.messageYjsSyncStep1, new Uint8Array([0])));
    room.receive(writer.socket, syncFrame(syncProtocol.messageYjsUpdate, updates[1] as Uint8Array));
    expect(store.waitingAppends).toBe(1);

    store.releaseAppend(); // commits 'first ' only; 'second' waits at the gate
    await tick();
    expect(store.waitingAppends).toBe(1);
    // The joiner may know 'first ' (durable) but not 'second' (a crash now would lose it).
    expect(docFrom(joiner.frames).getText('t').toString()).toBe('first ');

    store.releaseAppend();
    await tick();
    expect(docFrom(joiner.frames).getText('t').toString()).toBe('first second');
  });
  it('never answers a sync step 1 with updates still waiting for dependencies (they are not stored)', async () => {
    store.openAll();
    const sender = recordingSocket();
    const joiner = recordingSocket();
    room.addConnection(sender.socket, { mode: 'read-write' });
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getText('t').insert(0, 'base ');
    source.getText('t').insert(5, 'waiting');
    // The second update first: it cannot be integrated yet.
    room.receive(sender.socket, syncFrame(syncProtocol.messageYjsUpdate, updates[1] as Uint8Array));
    expect(room.doc.store.pendingStructs).not.toBeNull();
    room.addConnection(joiner.socket, { mode: 'read-write' });
    room.receive(joiner.socket, syncFrame(syncProtocol.messageYjsSyncStep1, new Uint8Array([0])));
    await tick();
    const answered = docFrom(joiner.frames);
    expect(answered.getText('t').toString()).toBe('');
    expect(answered.store.pendingStructs).toBeNull();

    // Once the missing update arrives both are integrated, stored, and relayed.
    room.receive(sender.socket, syncFrame(syncProtocol.messageYjsUpdate, updates[0] as Uint8Array));
    await room.flushed();
    await tick();
    expect(docFrom(joiner.frames).getText('t').toString()).toBe('base waiting');
  });
});

describe('Room after a storage failure', () => {
  it('closes its sockets with STORAGE_UNAVAILABLE and refuses new ones', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-room-'));
    const database = openDatabase({ dataDir: dir });
    await migrateToLatest(database.db, database.dialect);
    const real = new SqlUpdateLogStore(database.db);
    // The same real store, after its database went away.
    await database.close();
    let failures = 0;
    const room = new Room('failing-doc', new Y.Doc(), {
      writer: new GroupCommitWriter(real),
      limits: loadConfig({ DATA_DIR: dir }).sync,
      metrics: createSyncMetrics(new MetricsRegistry()),
      log: createLogger('silent'),
      onEmpty: () => {},
      onStorageFailure: () => {
        failures += 1;
      },
      onCommitted: () => {},
    });
    const closes: number[] = [];
    const socket: SyncSocket = { send: () => {}, close: (code) => closes.push(code) };
    room.addConnection(socket, { mode: 'read-write' });
    const source = new Y.Doc();
    source.getText('t').insert(0, 'lost write');
    room.receive(socket, syncFrame(syncProtocol.messageYjsUpdate, Y.encodeStateAsUpdate(source)));
    const deadline = Date.now() + 10_000;
    while (failures === 0 && Date.now() < deadline) await tick();
    expect(failures).toBe(1);
    expect(closes).toEqual([4503]);

    const late: number[] = [];
    expect(room.addConnection({ send: () => {}, close: (code) => late.push(code) }, { mode: 'read-write' })).toBe(
      false,
    );
    expect(late).toEqual([4503]);
    room.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('Room with updates whose dependencies never arrive', () => {
  it('bounds what waits in memory and closes the sender', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-room-'));
    const database = openDatabase({ dataDir: dir });
    await migrateToLatest(database.db, database.dialect);
    const maxFrameBytes = 4096;
    const room = new Room('gap-doc', new Y.Doc(), {
      writer: new GroupCommitWriter(new SqlUpdateLogStore(database.db)),
      limits: { ...loadConfig({ DATA_DIR: dir }).sync, maxFrameBytes },
      metrics: createSyncMetrics(new MetricsRegistry()),
      log: createLogger('silent'),
      onEmpty: () => {},
      onStorageFailure: () => {},
      onCommitted: () => {},
    });
    const closes: number[] = [];
    const socket: SyncSocket = { send: () => {}, close: (code) => closes.push(code) };
    room.addConnection(socket, { mode: 'read-write' });

    // Each update continues text whose first insert is never sent: it can only wait.
    let sent = 0;
    while (closes.length === 0 && sent < 100) {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      doc.getText('t').insert(0, 'a');
      doc.getText('t').insert(1, 'b'.repeat(1000));
      room.receive(socket, syncFrame(syncProtocol.messageYjsUpdate, updates[1] as Uint8Array));
      sent += 1;
    }
    expect(closes).toEqual([4400]);
    expect(sent).toBeGreaterThan(2);
    expect(sent).toBeLessThan(20);
    expect(room.doc.store.pendingStructs).toBeNull();
    expect(room.doc.getText('t').toString()).toBe('');

    room.destroy();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

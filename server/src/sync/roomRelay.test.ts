import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEntry, registerEntries, SyncMessageType } from '@samverka/model';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { GatedStore } from '../../test/support/gatedStore.ts';
import { roomDeps } from '../../test/support/roomFixture.ts';
import { initialDocState } from '../documents/initialDocState.ts';
import { type Database, openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrations.ts';
import { SqlUpdateLogStore } from '../storage/sqlUpdateLogStore.ts';
import { validatorFor } from './documentValidator.ts';
import { Room } from './room.ts';
import type { SyncSocket } from './syncConnection.ts';

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

/** The sync message kinds of the frames a socket received (step 1 = 0, step 2 = 1, update = 2). */
function syncKinds(frames: Uint8Array[]): number[] {
  return frames.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame);
    return decoding.readVarUint(decoder) === SyncMessageType.SYNC ? [decoding.readVarUint(decoder)] : [];
  });
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('Room with other processes (the relay)', () => {
  let dir: string;
  let database: Database;
  let store: GatedStore;
  let room: Room;
  let published: { kind: 'update' | 'awareness'; data: Uint8Array }[];

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-relay-'));
    database = openDatabase({ dataDir: dir });
    await migrateToLatest(database.db, database.dialect);
    store = new GatedStore(new SqlUpdateLogStore(database.db), { appends: true });
    published = [];
    room = new Room('relay-doc', new Y.Doc(), {
      ...roomDeps(store, dir),
      relay: {
        publishUpdate: (data) => published.push({ kind: 'update', data }),
        publishAwareness: (data) => published.push({ kind: 'awareness', data }),
      },
    });
  });
  afterEach(async () => {
    store.openAll();
    room.destroy();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes a local update only once it is committed, and never a sync step 2 answer', async () => {
    const writer = recordingSocket();
    const joiner = recordingSocket();
    room.addConnection(writer.socket, { mode: 'read-write' });
    const source = new Y.Doc();
    source.getText('t').insert(0, 'hello');
    room.receive(writer.socket, syncFrame(syncProtocol.messageYjsUpdate, Y.encodeStateAsUpdate(source)));
    await tick();
    expect(published).toEqual([]); // the commit waits at the gate
    store.releaseAppend();
    await tick();
    expect(published.map((p) => p.kind)).toEqual(['update']);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, (published[0] as { data: Uint8Array }).data);
    expect(replica.getText('t').toString()).toBe('hello');

    // A newcomer's sync step 1 is answered to it alone.
    room.addConnection(joiner.socket, { mode: 'read-write' });
    room.receive(joiner.socket, syncFrame(syncProtocol.messageYjsSyncStep1, new Uint8Array([0])));
    await tick();
    expect(syncKinds(joiner.frames)).toContain(syncProtocol.messageYjsSyncStep2);
    expect(published).toHaveLength(1);
  });

  it('relays what another process stored to local sockets at once, without storing or publishing it', async () => {
    const local = recordingSocket();
    room.addConnection(local.socket, { mode: 'read-write' });
    const remote = new Y.Doc();
    remote.getText('t').insert(0, 'from elsewhere');
    const update = Y.encodeStateAsUpdate(remote);
    room.applyStored([update]);
    expect(syncKinds(local.frames)).toContain(syncProtocol.messageYjsUpdate); // no commit awaited
    expect(store.waitingAppends).toBe(0);
    expect(published).toEqual([]);
    // A re-read of rows the doc already holds changes nothing and sends nothing.
    const before = local.frames.length;
    room.applyStored([update, update]);
    expect(local.frames.length).toBe(before);
    expect(room.doc.getText('t').toString()).toBe('from elsewhere');
  });

  it('publishes local awareness and relays remote awareness to local sockets only', async () => {
    const local = recordingSocket();
    room.addConnection(local.socket, { mode: 'read-write' });
    const peer = new Awareness(new Y.Doc());
    peer.setLocalState({ user: { name: 'Elsewhere' } });
    room.applyRelayedAwareness(encodeAwarenessUpdate(peer, [peer.clientID]));
    expect(room.awareness.getStates().get(peer.clientID)).toEqual({ user: { name: 'Elsewhere' } });
    expect(local.frames.length).toBeGreaterThan(1);
    expect(published).toEqual([]);

    const mine = new Awareness(new Y.Doc());
    mine.setLocalState({ user: { name: 'Here' } });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, SyncMessageType.AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(mine, [mine.clientID]));
    room.receive(local.socket, encoding.toUint8Array(encoder));
    expect(published.map((p) => p.kind)).toEqual(['awareness']);
    peer.destroy();
    mine.destroy();
  });
});

describe('the register check with other processes', () => {
  const validRisk = {
    title: 'Sponsor leaves',
    category: 'governance',
    likelihood: 3,
    impact: 3,
    status: 'open',
  } as const;

  function seededRegister(): Y.Doc {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialDocState('register', { language: 'en' }));
    return doc;
  }

  it('keeps checking updates that touch entries another process created', () => {
    const roomDoc = seededRegister();
    const guard = validatorFor(roomDoc);
    if (!guard) throw new Error('a register has a validator');
    // Another process admitted and stored a new risk; this room applies it as stored.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(roomDoc));
    const before = Y.encodeStateVector(elsewhere);
    const riskId = createEntry(elsewhere, 'risks', validRisk);
    const created = Y.encodeStateAsUpdate(elsewhere, before);
    guard.stored([created]);
    Y.applyUpdate(roomDoc, created);
    // A local client now writes a likelihood out of range into that risk: refused, not waved through.
    const hostileBefore = Y.encodeStateVector(elsewhere);
    (registerEntries(elsewhere, 'risks').get(riskId) as Y.Map<unknown>).set('likelihood', 9);
    const hostile = Y.encodeStateAsUpdate(elsewhere, hostileBefore);
    expect(guard.admit(hostile).ok).toBe(false);
  });
});

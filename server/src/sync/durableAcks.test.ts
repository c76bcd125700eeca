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
import { eventually } from '../../test/support/syncClient.ts';
import { type Database, openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrations.ts';
import { SqlUpdateLogStore } from '../storage/sqlUpdateLogStore.ts';
import { Room } from './room.ts';
import type { SyncSocket } from './syncConnection.ts';

function recordingSocket() {
  const frames: Uint8Array[] = [];
  const socket: SyncSocket = { send: (f) => frames.push(f), close: () => {} };
  /** The counts of every durable ack received, in order. */
  const acks = () =>
    frames.flatMap((frame) => {
      const decoder = decoding.createDecoder(frame);
      return decoding.readVarUint(decoder) === SyncMessageType.DURABLE_ACK ? [decoding.readVarUint(decoder)] : [];
    });
  return { socket, frames, acks };
}

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SyncMessageType.SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsUpdate);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Three single-character updates of one writer, in order. */
function typedUpdates(): Uint8Array[] {
  const source = new Y.Doc();
  const updates: Uint8Array[] = [];
  source.on('update', (u: Uint8Array) => updates.push(u));
  for (const [i, c] of ['a', 'b', 'c'].entries()) source.getText('t').insert(i, c);
  return updates;
}

describe('durable acknowledgements', () => {
  let dir: string;
  let database: Database;
  let store: GatedStore;
  let room: Room;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-acks-'));
    database = openDatabase({ dataDir: dir });
    await migrateToLatest(database.db, database.dialect);
    store = new GatedStore(new SqlUpdateLogStore(database.db), { appends: true });
    room = new Room('ack-doc', new Y.Doc(), roomDeps(store, dir));
  });
  afterEach(async () => {
    store.openAll();
    room.destroy();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('acknowledges a frame only after its commit, once per commit for the frames it covers', async () => {
    const writer = recordingSocket();
    room.addConnection(writer.socket, { mode: 'read-write', acks: true });
    const [a, b, c] = typedUpdates() as [Uint8Array, Uint8Array, Uint8Array];

    room.receive(writer.socket, updateFrame(a));
    await eventually(() => store.waitingAppends === 1, 'the first commit at the gate');
    expect(writer.acks()).toEqual([]);
    // Two frames while the first commit is in flight: one later commit covers both.
    room.receive(writer.socket, updateFrame(b));
    room.receive(writer.socket, updateFrame(c));

    store.releaseAppend();
    await eventually(() => writer.acks().length === 1, 'the ack of the first commit');
    expect(writer.acks()).toEqual([1]);
    await eventually(() => store.waitingAppends === 1, 'the second commit at the gate');
    expect(writer.acks()).toEqual([1]);

    store.releaseAppend();
    await eventually(() => writer.acks().length === 2, 'the ack of the second commit');
    expect(writer.acks()).toEqual([1, 3]);
  });

  it('acknowledges a frame that changed nothing once earlier commits have landed', async () => {
    const writer = recordingSocket();
    room.addConnection(writer.socket, { mode: 'read-write', acks: true });
    const [a] = typedUpdates() as [Uint8Array];
    room.receive(writer.socket, updateFrame(a));
    room.receive(writer.socket, updateFrame(a)); // a resend after reconnecting, say
    await eventually(() => store.waitingAppends === 1, 'the commit at the gate');
    store.releaseAppend();
    await eventually(() => writer.acks().length === 1, 'the ack');
    expect(writer.acks()).toEqual([2]);
  });

  it('never acknowledges what waits for a missing dependency, nor anything after it', async () => {
    const writer = recordingSocket();
    room.addConnection(writer.socket, { mode: 'read-write', acks: true });
    const [a, b, c] = typedUpdates() as [Uint8Array, Uint8Array, Uint8Array];
    room.receive(writer.socket, updateFrame(a));
    room.receive(writer.socket, updateFrame(c)); // b is missing: c cannot be integrated
    const other = new Y.Doc();
    other.getText('x').insert(0, 'z');
    room.receive(writer.socket, updateFrame(Y.encodeStateAsUpdate(other)));
    store.openAll();
    await eventually(() => writer.acks().length === 1, 'the ack of the first frame');
    room.receive(writer.socket, updateFrame(b)); // now c integrates too, but the connection stays stalled
    await room.flushed();
    await room.flushed();
    expect(writer.acks()).toEqual([1]);
  });

  it('sends read-only connections no acknowledgements (their frames are dropped)', async () => {
    const viewer = recordingSocket();
    const writer = recordingSocket();
    room.addConnection(viewer.socket, { mode: 'read-only' });
    room.addConnection(writer.socket, { mode: 'read-write', acks: true });
    const [a, b] = typedUpdates() as [Uint8Array, Uint8Array];
    room.receive(viewer.socket, updateFrame(a));
    room.receive(writer.socket, updateFrame(a));
    store.openAll();
    await eventually(() => writer.acks().length === 1, "the writer's ack");
    room.receive(viewer.socket, updateFrame(b));
    await room.flushed();
    expect(viewer.acks()).toEqual([]);
  });

  it('sends nothing to a socket that did not ask for acknowledgements (standard providers)', async () => {
    const plain = recordingSocket();
    const asker = recordingSocket();
    room.addConnection(plain.socket, { mode: 'read-write' });
    room.addConnection(asker.socket, { mode: 'read-write', acks: true });
    store.openAll();
    const [a, b] = typedUpdates() as [Uint8Array, Uint8Array, Uint8Array];
    room.receive(plain.socket, updateFrame(a));
    room.receive(asker.socket, updateFrame(b));
    // The asker's ack comes after the commit covering both frames: the plain socket's is due by then too.
    await eventually(() => asker.acks().length === 1, "the asking socket's ack");
    await room.flushed();
    expect(plain.acks()).toEqual([]);
    expect(plain.frames.length).toBeGreaterThan(0);
  });
});

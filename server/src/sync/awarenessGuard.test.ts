import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CloseCode, SyncMessageType } from '@samverka/model';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roomDeps } from '../../test/support/roomFixture.ts';
import { type Database, openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrations.ts';
import { SqlUpdateLogStore } from '../storage/sqlUpdateLogStore.ts';
import { MAX_AWARENESS_FRAME_BYTES, MAX_AWARENESS_IDS_PER_CONNECTION } from './awarenessGuard.ts';
import { Room } from './room.ts';
import type { SyncSocket } from './syncConnection.ts';

/** An awareness frame announcing `states` (client id → JSON state) at `clock`. */
function awarenessFrame(states: Array<[number, unknown]>, clock = 1): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, states.length);
  for (const [clientId, state] of states) {
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, SyncMessageType.AWARENESS);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

function socketRecordingCloses() {
  const closes: number[] = [];
  const socket: SyncSocket = { send: () => {}, close: (code) => closes.push(code) };
  return { socket, closes };
}

describe('awareness from one socket', () => {
  let dir: string;
  let database: Database;
  let room: Room;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-awareness-'));
    database = openDatabase({ dataDir: dir });
    await migrateToLatest(database.db, database.dialect);
    room = new Room('doc', new Y.Doc(), roomDeps(new SqlUpdateLogStore(database.db), dir));
  });
  afterEach(async () => {
    room.destroy();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds at most a few client ids per socket, however many one frame announces', () => {
    const viewer = socketRecordingCloses();
    room.addConnection(viewer.socket, { mode: 'read-only', userId: 'v' });
    const many = Array.from({ length: 50 }, (_, i) => [1000 + i, { user: { name: `fake ${i}` } }] as [number, unknown]);
    room.receive(viewer.socket, awarenessFrame(many));
    expect(room.awareness.getStates().size).toBe(MAX_AWARENESS_IDS_PER_CONNECTION);
  });

  it('cannot rewrite or erase another person’s presence', () => {
    const anna = socketRecordingCloses();
    const mallory = socketRecordingCloses();
    room.addConnection(anna.socket, { mode: 'read-write', userId: 'anna' });
    room.addConnection(mallory.socket, { mode: 'read-only', userId: 'mallory' });
    room.receive(anna.socket, awarenessFrame([[7, { user: { name: 'Anna' } }]]));
    room.receive(mallory.socket, awarenessFrame([[7, { user: { name: 'Not Anna' } }]], 5));
    room.receive(mallory.socket, awarenessFrame([[7, null]], 6));
    expect(room.awareness.getStates().get(7)).toEqual({ user: { name: 'Anna' } });
  });

  it('lets the same person take their id over from a socket that has not timed out yet', () => {
    const before = socketRecordingCloses();
    const after = socketRecordingCloses();
    room.addConnection(before.socket, { mode: 'read-write', userId: 'anna' });
    room.receive(before.socket, awarenessFrame([[7, { user: { name: 'Anna' } }]]));
    room.addConnection(after.socket, { mode: 'read-write', userId: 'anna' });
    room.receive(after.socket, awarenessFrame([[7, { user: { name: 'Anna', cursor: 1 } }]], 2));
    expect(room.awareness.getStates().get(7)).toEqual({ user: { name: 'Anna', cursor: 1 } });
    room.removeConnection(before.socket);
    expect(room.awareness.getStates().has(7)).toBe(true);
  });

  it('does not let another tab of the same person keep a presence alive by echoing it', () => {
    const tab1 = socketRecordingCloses();
    const tab2 = socketRecordingCloses();
    room.addConnection(tab1.socket, { mode: 'read-write', userId: 'anna' });
    room.addConnection(tab2.socket, { mode: 'read-write', userId: 'anna' });
    room.receive(tab1.socket, awarenessFrame([[7, { user: { name: 'Anna, tab 1' } }]]));
    room.receive(tab2.socket, awarenessFrame([[7, { user: { name: 'Anna, tab 1' } }]]));
    room.removeConnection(tab1.socket);
    expect(room.awareness.getStates().has(7)).toBe(false);
  });

  it('closes a socket sending an oversize awareness frame', () => {
    const viewer = socketRecordingCloses();
    room.addConnection(viewer.socket, { mode: 'read-only', userId: 'v' });
    room.receive(viewer.socket, awarenessFrame([[1, { blob: 'x'.repeat(MAX_AWARENESS_FRAME_BYTES) }]]));
    expect(viewer.closes).toEqual([CloseCode.FRAME_TOO_LARGE]);
    expect(room.awareness.getStates().size).toBe(0);
  });
});

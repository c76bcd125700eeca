import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
import { encodeUpdate } from './syncMessages.ts';

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

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-registry-'));
    database = openDatabase({ dataDir: dir });
    await migrateToLatest(database.db, database.dialect);
    store = new GatedStore(new SqlUpdateLogStore(database.db), { compactions: true });
    const limits = { ...loadConfig({ DATA_DIR: dir }).sync, roomUnloadGraceMs: 0 };
    registry = new RoomRegistry(store, limits, createLogger('silent'), new MetricsRegistry());
  });
  afterEach(async () => {
    store.openAll();
    await registry.shutdown(1001);
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('makes a connection that arrives during an unload wait for it and get a fresh room with every edit', async () => {
    const first = await registry.open('doc');
    const socket: SyncSocket = { send: () => {}, close: () => {} };
    first.addConnection(socket, { mode: 'read-write' });
    const source = new Y.Doc();
    source.getText('t').insert(0, 'kept across the unload');
    first.receive(socket, encodeUpdate(Y.encodeStateAsUpdate(source)));
    await first.flushed();
    first.removeConnection(socket); // the last socket leaves: unload after a 0 ms grace
    await until(() => store.waitingCompactions === 1, 'the unload to start compacting');

    let second: Awaited<ReturnType<RoomRegistry['open']>> | undefined;
    const opening = registry.open('doc').then((room) => {
      second = room;
    });
    await tick();
    expect(second).toBeUndefined(); // it waits for the unload instead of joining the dying room

    store.releaseCompaction();
    await opening;
    expect(second).not.toBe(first);
    expect(second?.doc.getText('t').toString()).toBe('kept across the unload');
    // The old room is gone for good: a socket handed it late is turned away.
    expect(first.addConnection({ send: () => {}, close: () => {} }, { mode: 'read-write' })).toBe(false);
    expect(await store.countUpdates('doc')).toBe(1);
  });
});

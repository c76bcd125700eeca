import { CloseCode } from '@samverka/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqlUpdateLogStore } from '../../src/storage/sqlUpdateLogStore.ts';
import { openAccessEntry, ServerProcess } from '../support/serverProcess.ts';
import { connectClient, eventually, synced, type TestClient } from '../support/syncClient.ts';
import { openDataDir } from '../support/testServer.ts';

const documentId = 'graceful-doc';

const sameState = (a: Y.Doc, b: Y.Doc) =>
  Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

describe('SIGTERM', () => {
  let server: ServerProcess;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await ServerProcess.start({}, { entry: openAccessEntry });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.stop();
  });

  it('flushes, closes sockets with GOING_AWAY, and clients converge after the restart with nothing lost', async () => {
    const closeCodes: number[][] = [];
    for (let i = 0; i < 4; i++) {
      const client = connectClient(server.origin, documentId);
      const codes: number[] = [];
      client.provider.on('connection-close', (event) => codes.push(event?.code ?? -1));
      clients.push(client);
      closeCodes.push(codes);
    }
    await Promise.all(clients.map((c) => synced(c, 60_000)));
    clients.forEach((c, i) => {
      for (let k = 0; k < 20; k++) c.doc.getArray<string>('log').push([`c${i}-${k}`]);
    });
    await eventually(
      () => clients.every((c) => sameState(c.doc, clients[0]?.doc as Y.Doc)),
      'the first edits to spread',
      60_000,
    );
    const beforeShutdown = clients[0]?.doc.getArray<string>('log').toArray() ?? [];
    expect(beforeShutdown).toHaveLength(80);

    // More edits in flight as the signal arrives.
    for (const [i, c] of clients.entries()) c.doc.getArray<string>('log').push([`late-${i}`]);
    expect(await server.terminate()).toBe(0);
    await eventually(() => closeCodes.every((codes) => codes.length > 0), 'every client to see its socket close');
    for (const codes of closeCodes) expect(codes[0]).toBe(CloseCode.GOING_AWAY);

    // The shutdown flushed and compacted: one row holding at least everything spread before it.
    const database = openDataDir(server.dataDir);
    const store = new SqlUpdateLogStore(database.db);
    const durable = new Y.Doc();
    try {
      expect(await store.countUpdates(documentId)).toBe(1);
      for (const update of await store.loadUpdates(documentId)) Y.applyUpdate(durable, update);
    } finally {
      await database.close();
    }
    expect(durable.getArray<string>('log').toArray()).toEqual(expect.arrayContaining(beforeShutdown));

    await server.launch();
    await eventually(
      () => clients.every((c) => c.provider.wsconnected && c.provider.synced),
      'clients to reconnect',
      60_000,
    );
    const fresh = connectClient(server.origin, documentId);
    clients.push(fresh);
    await synced(fresh, 60_000);
    await eventually(() => clients.every((c) => sameState(c.doc, fresh.doc)), 'all clients to converge', 60_000);
    const items = fresh.doc.getArray<string>('log').toArray();
    expect(items).toHaveLength(84);
    for (let i = 0; i < 4; i++) expect(items).toContain(`late-${i}`);
  }, 240_000);
});

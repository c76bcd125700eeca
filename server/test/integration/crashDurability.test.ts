import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqlUpdateLogStore } from '../../src/storage/sqlUpdateLogStore.ts';
import { openAccessEntry, ServerProcess } from '../support/serverProcess.ts';
import { connectClient, eventually, synced, type TestClient } from '../support/syncClient.ts';
import { openDataDir } from '../support/testServer.ts';

const CLIENTS = 10;
const documentId = 'crash-burst';

/** One writer: its client, and every update it has received from the server. */
interface Writer {
  client: TestClient;
  received: Uint8Array[];
  start(): void;
  stop(): void;
}

/** Edits in bursts (a few changes, then a short pause) until stopped. */
function startWriter(server: ServerProcess, index: number): Writer {
  const client = connectClient(server.origin, documentId);
  const received: Uint8Array[] = [];
  // Updates applied with the provider as origin came from the server.
  client.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === client.provider) received.push(update);
  });
  let round = 0;
  let timer: NodeJS.Timeout | undefined;
  const write = () => {
    const text = client.doc.getText('text');
    client.doc.transact(() => {
      for (let k = 0; k < 3; k++)
        text.insert(Math.floor((((round * 7 + k) % 11) / 11) * text.length), `${index}.${round}|`);
    });
    client.doc.getMap('last').set(`w${index}`, round);
    round += 1;
  };
  return {
    client,
    received,
    start: () => {
      timer = setInterval(write, 20);
    },
    stop: () => clearInterval(timer),
  };
}

function contentOf(doc: Y.Doc) {
  return { text: doc.getText('text').toString(), last: doc.getMap('last').toJSON() };
}

/** True when `doc` already holds every struct and deletion in `update`. */
function holds(doc: Y.Doc, update: Uint8Array): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [clientId, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) {
    if ((have.get(clientId) ?? 0) < clock) return false;
  }
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = contentOf(copy);
  Y.applyUpdate(copy, update);
  return copy.store.pendingStructs === null && JSON.stringify(contentOf(copy)) === JSON.stringify(before);
}

describe('SIGKILL in the middle of write bursts', () => {
  let server: ServerProcess;
  const writers: Writer[] = [];

  beforeAll(async () => {
    server = await ServerProcess.start({}, { entry: openAccessEntry });
  });
  afterAll(async () => {
    for (const w of writers) {
      w.stop();
      w.client.destroy();
    }
    await server.stop();
  });

  it('keeps every update any client received, and all clients reconnect and converge', async () => {
    for (let i = 0; i < CLIENTS; i++) writers.push(startWriter(server, i));
    // Generous timeouts throughout: a loaded 2-core machine is slow, not wrong.
    await Promise.all(writers.map((w) => synced(w.client, 60_000)));
    for (const w of writers) w.start();
    // Let the bursts run until every client has been sent plenty by the server.
    await eventually(() => writers.every((w) => w.received.length >= 30), 'each client to receive 30 updates', 60_000);

    await server.crash();
    const receivedBeforeKill = writers.map((w) => [...w.received]);

    // What the server had made durable, read straight from its file before anything can reconnect.
    const database = openDataDir(server.dataDir);
    const durable = new Y.Doc();
    try {
      for (const update of await new SqlUpdateLogStore(database.db).loadUpdates(documentId))
        Y.applyUpdate(durable, update);
    } finally {
      await database.close();
    }
    receivedBeforeKill.forEach((updates, i) => {
      expect(updates.length, `client ${i} received updates`).toBeGreaterThan(0);
      expect(holds(durable, Y.mergeUpdates(updates)), `client ${i}'s received updates are durable`).toBe(true);
    });

    // The writers kept editing while the server was down; they reconnect on their own.
    await server.launch();
    await eventually(() => writers.every((w) => w.client.provider.wsconnected), 'every client to reconnect', 60_000);
    for (const w of writers) w.stop();
    const fresh = connectClient(server.origin, documentId);
    writers.push({ client: fresh, received: [], start: () => {}, stop: () => {} });
    await synced(fresh, 60_000);
    const target = () => Buffer.from(Y.encodeStateVector(writers[0]?.client.doc as Y.Doc));
    await eventually(
      () => writers.every((w) => Buffer.from(Y.encodeStateVector(w.client.doc)).equals(target())),
      'all clients to converge',
      60_000,
    );
    const converged = contentOf(fresh.doc);
    for (const w of writers) expect(contentOf(w.client.doc)).toEqual(converged);
    // Everything durable before the kill survived into the converged document.
    expect(holds(fresh.doc, Y.encodeStateAsUpdate(durable))).toBe(true);
  }, 240_000);
});

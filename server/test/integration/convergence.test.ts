import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ServerProcess } from '../support/serverProcess.ts';
import { connectClient, eventually, synced, type TestClient } from '../support/syncClient.ts';
import { createPartnership, createTextDocument, signUp } from '../support/testAccounts.ts';

const EDITS_PER_CLIENT = 1000;

/** A small seeded generator, so a failure can be replayed with the same edits. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomEdit(doc: Y.Doc, rand: () => number, label: string, i: number): void {
  const text = doc.getText('text');
  const map = doc.getMap<number | string>('map');
  const roll = rand();
  if (roll < 0.45) text.insert(Math.floor(rand() * (text.length + 1)), `${label}${i % 10}`);
  else if (roll < 0.65 && text.length > 0) {
    const at = Math.floor(rand() * text.length);
    text.delete(at, Math.min(1 + Math.floor(rand() * 3), text.length - at));
  } else if (roll < 0.9) map.set(`k${Math.floor(rand() * 50)}`, `${label}-${i}`);
  else map.delete(`k${Math.floor(rand() * 50)}`);
}

function contentOf(doc: Y.Doc) {
  return { text: doc.getText('text').toString(), map: doc.getMap('map').toJSON() };
}

describe('two clients editing concurrently', () => {
  let server: ServerProcess;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    server = await ServerProcess.start();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.stop();
  });

  it('converge after 1,000 random edits each, and lose none of them to a SIGKILL', async () => {
    const owner = await signUp(server.origin, 'Anna Lind');
    const partnership = await createPartnership(owner);
    const documentId = await createTextDocument(owner, partnership.id);
    const headers = { cookie: owner.cookie, origin: server.origin };
    const a = connectClient(server.origin, documentId, undefined, { headers });
    const b = connectClient(server.origin, documentId, undefined, { headers });
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);

    const randA = random(1);
    const randB = random(2);
    // Interleave the two writers in small bursts so their edits are truly concurrent.
    for (let i = 0; i < EDITS_PER_CLIENT; i += 10) {
      for (let j = i; j < i + 10; j++) {
        randomEdit(a.doc, randA, 'a', j);
        randomEdit(b.doc, randB, 'b', j);
      }
      await new Promise((r) => setImmediate(r));
    }

    await eventually(
      () => Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc))),
      'both clients to hold the same updates',
    );
    const converged = contentOf(a.doc);
    const convergedStateVector = Y.encodeStateVector(a.doc);
    expect(contentOf(b.doc)).toEqual(converged);
    expect(converged.text.length).toBeGreaterThan(0);

    // Every edit has been relayed, so every edit was committed first. The
    // writers go away before the restart: otherwise they would re-send their
    // state on reconnect and hide a lost write.
    await server.crash();
    a.destroy();
    b.destroy();
    await server.launch();
    const fresh = connectClient(server.origin, documentId, undefined, { headers });
    clients.push(fresh);
    await synced(fresh);
    expect(contentOf(fresh.doc)).toEqual(converged);
    expect(Y.encodeStateVector(fresh.doc)).toEqual(convergedStateVector);
  });
});

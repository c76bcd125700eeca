import { SyncMessageType } from '@samverka/model';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { connectClient, eventually, synced, type TestClient } from '../support/syncClient.ts';
import { openRaw, startTestServer, type TestServer } from '../support/testServer.ts';

describe('presence', () => {
  let t: TestServer;
  let watcher: TestClient;

  beforeAll(async () => {
    t = await startTestServer();
    watcher = connectClient(t.server.url, 'presence-doc');
    await synced(watcher);
  });
  afterAll(async () => {
    watcher.destroy();
    await t.dispose();
  });

  it("removes a socket's awareness state when it vanishes without saying goodbye", async () => {
    const ghost = new Awareness(new Y.Doc());
    ghost.setLocalState({ user: { name: 'Ghost', color: '#123456' } });
    const raw = await openRaw(t.server.url, 'presence-doc');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, SyncMessageType.AWARENESS);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(ghost, [ghost.clientID]));
    raw.send(encoding.toUint8Array(encoder));
    const states = watcher.provider.awareness.getStates();
    await eventually(() => states.has(ghost.clientID), 'the ghost to appear');

    // No removal message: the TCP connection just drops.
    raw.terminate();
    await eventually(() => !watcher.provider.awareness.getStates().has(ghost.clientID), 'the ghost to be removed');
  });
});

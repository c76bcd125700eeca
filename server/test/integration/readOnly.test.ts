import { SyncMessageType } from '@samverka/model';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { SyncAuthorizer } from '../../src/sync/syncRoute.ts';
import { connectClient, eventually, synced, type TestClient } from '../support/syncClient.ts';
import { openRaw, startTestServer, type TestServer } from '../support/testServer.ts';

const documentId = 'read-only-room';

/** Test authoriser: `?mode=read-only` gets a watching connection, anything else may edit. */
const byQuery: SyncAuthorizer = async (c) => ({
  allow: { mode: c.req.query('mode') === 'read-only' ? 'read-only' : 'read-write' },
});

function syncFrame(kind: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SyncMessageType.SYNC);
  encoding.writeVarUint(encoder, kind);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Sends a query-awareness frame and waits for the answer: every earlier frame was handled by then. */
function barrier(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      if (data[0] === SyncMessageType.AWARENESS) {
        ws.off('message', onMessage);
        resolve();
      }
    };
    ws.on('message', onMessage);
    ws.send(new Uint8Array([SyncMessageType.QUERY_AWARENESS]));
  });
}

describe('a read-only connection', () => {
  let t: TestServer;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    t = await startTestServer({ authorize: byQuery });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t.dispose();
  });

  it('receives edits but its sync step 2 and updates are never applied, relayed or stored', async () => {
    const writer = connectClient(t.server.url, documentId);
    clients.push(writer);
    await synced(writer);
    writer.doc.getText('t').insert(0, 'shared ');

    // A real client in read-only mode that already holds content of its own: its
    // sync step 2 answer carries that content to the server, which must drop it.
    const ownDoc = new Y.Doc();
    ownDoc.getText('t').insert(0, 'READONLY-STEP2 ');
    const reader = connectClient(t.server.url, documentId, ownDoc, { params: { mode: 'read-only' } });
    clients.push(reader);
    await synced(reader);
    await eventually(() => reader.doc.getText('t').toString().includes('shared'), 'the reader to get the document');

    // Raw frames from a read-only socket: an update and an unsolicited step 2.
    const raw = await openRaw(t.server.url, `${documentId}?mode=read-only`);
    const hostile = new Y.Doc();
    hostile.getText('t').insert(0, 'READONLY-RAW ');
    const state = Y.encodeStateAsUpdate(hostile);
    raw.send(syncFrame(syncProtocol.messageYjsUpdate, state));
    raw.send(syncFrame(syncProtocol.messageYjsSyncStep2, state));
    await barrier(raw);
    reader.doc.getText('t').insert(0, 'READONLY-LIVE ');

    // Edits still flow to the read-only client.
    writer.doc.getText('t').insert(0, 'later ');
    await eventually(() => reader.doc.getText('t').toString().includes('later'), 'a later edit to reach the reader');
    // A fresh editor sees only the writer's text.
    const observer = connectClient(t.server.url, documentId);
    clients.push(observer);
    await synced(observer);
    await eventually(() => observer.doc.getText('t').toString().includes('later'), 'the observer to sync');
    for (const doc of [writer.doc, observer.doc]) {
      expect(doc.getText('t').toString()).not.toContain('READONLY');
    }
    raw.terminate();

    // Nothing of it was stored either.
    for (const c of clients.splice(0)) c.destroy();
    await t.stop();
    await t.restart();
    const fresh = connectClient(t.server.url, documentId);
    clients.push(fresh);
    await synced(fresh);
    expect(fresh.doc.getText('t').toString()).toBe('later shared ');
  });
});

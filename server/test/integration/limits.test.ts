import { CloseCode, SyncMessageType } from '@samverka/model';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { connectClient, eventually, synced, type TestClient } from '../support/syncClient.ts';
import { closeCodeOf, openRaw, startTestServer, type TestServer } from '../support/testServer.ts';

/** Each test gets its own server with the limit it exercises turned down. */
let t: TestServer | undefined;
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.terminate();
  await t?.dispose();
  t = undefined;
});

/** A writer and a watcher in one room, recording every close either of them sees. */
async function wellBehavedPair(documentId: string) {
  const server = t as TestServer;
  const writer = connectClient(server.server.url, documentId);
  const watcher = connectClient(server.server.url, documentId);
  clients.push(writer, watcher);
  const closes: number[] = [];
  for (const c of [writer, watcher]) c.provider.on('connection-close', (event) => closes.push(event?.code ?? -1));
  await Promise.all([synced(writer), synced(watcher)]);
  return {
    closes,
    /** One edit from the writer, at the end of the text. */
    edit(text: string) {
      writer.doc.getText('t').insert(writer.doc.getText('t').length, text);
    },
    /** Shows the room still relays between the two well-behaved clients. */
    async stillServed(marker: string) {
      writer.doc.getText('t').insert(0, marker);
      await eventually(() => watcher.doc.getText('t').toString().includes(marker), `"${marker}" to be relayed`);
      expect(closes).toEqual([]);
    },
  };
}

function awarenessFrame(awareness: Awareness): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SyncMessageType.AWARENESS);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]));
  return encoding.toUint8Array(encoder);
}

describe('sync limits close only the offending socket', () => {
  it('closes a socket silent past the idle timeout with IDLE_TIMEOUT', async () => {
    t = await startTestServer({ env: { SYNC_IDLE_TIMEOUT_MS: '1500', SYNC_PING_INTERVAL_MS: '500' } });
    const pair = await wellBehavedPair('idle-room');
    // ws answers pings by default; this one plays dead.
    const silent = await openRaw(t.server.url, 'idle-room', { autoPong: false });
    sockets.push(silent);
    expect(await closeCodeOf(silent)).toBe(CloseCode.IDLE_TIMEOUT);
    // The real clients answered the same pings and stay connected.
    await pair.stillServed('after-idle ');
  });

  it('closes a socket flooding awareness updates with RATE_LIMITED', async () => {
    t = await startTestServer({ env: { SYNC_AWARENESS_RATE: '5' } });
    const pair = await wellBehavedPair('awareness-room');
    const flooder = await openRaw(t.server.url, 'awareness-room');
    sockets.push(flooder);
    const closed = closeCodeOf(flooder);
    const awareness = new Awareness(new Y.Doc());
    for (let i = 0; i < 50; i++) {
      awareness.setLocalStateField('cursor', i);
      flooder.send(awarenessFrame(awareness));
    }
    expect(await closed).toBe(CloseCode.RATE_LIMITED);
    await pair.stillServed('after-flood ');
  });

  it('refuses a connection past the per-document maximum with ROOM_FULL', async () => {
    t = await startTestServer({ env: { SYNC_MAX_CONNECTIONS_PER_DOCUMENT: '2' } });
    const pair = await wellBehavedPair('full-room');
    const third = await openRaw(t.server.url, 'full-room');
    sockets.push(third);
    expect(await closeCodeOf(third)).toBe(CloseCode.ROOM_FULL);
    // Another document is not affected by this one being full.
    const elsewhere = connectClient(t.server.url, 'other-room');
    clients.push(elsewhere);
    await synced(elsewhere);
    await pair.stillServed('after-full ');
  });

  it('closes a socket sending an oversize frame with FRAME_TOO_LARGE (1009)', async () => {
    t = await startTestServer({ env: { SYNC_MAX_FRAME_BYTES: '4096' } });
    const pair = await wellBehavedPair('big-room');
    const big = await openRaw(t.server.url, 'big-room');
    sockets.push(big);
    const closed = closeCodeOf(big);
    big.send(new Uint8Array(4097));
    expect(await closed).toBe(CloseCode.FRAME_TOO_LARGE);
    await pair.stillServed('after-big ');
  });

  it('drops a socket that stops reading once its send backlog passes four frames (GOING_AWAY)', async () => {
    t = await startTestServer({ env: { SYNC_MAX_FRAME_BYTES: '65536' } });
    const pair = await wellBehavedPair('slow-room');
    const slow = await openRaw(t.server.url, 'slow-room');
    sockets.push(slow);
    // Stop reading: the kernel buffers fill, then the server's own send buffer grows.
    (slow as unknown as { _socket: { pause(): void } })._socket.pause();
    const closesOf = async () => {
      const text = await (await fetch(`${t?.server.url}/metrics`)).text();
      return Number(/samverka_sync_closes_total\{reason="GOING_AWAY"\} (\d+)/.exec(text)?.[1] ?? 0);
    };
    const text = (n: number) =>
      Array.from({ length: 30_000 }, (_, i) => String.fromCharCode(97 + ((i * 7 + n) % 26))).join('');
    let sent = 0;
    while ((await closesOf()) === 0 && sent < 2000) {
      pair.edit(text(sent));
      sent += 1;
      if (sent % 20 === 0) await new Promise((r) => setTimeout(r, 20));
    }
    expect(await closesOf()).toBe(1);
    await pair.stillServed('after-slow ');
  });
});

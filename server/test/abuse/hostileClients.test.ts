import { CloseCode, SyncMessageType } from '@samverka/model';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { synced } from '../support/syncClient.ts';
import {
  type AbuseSetup,
  clientOf,
  expectWithinBounds,
  firstEvent,
  rawSocketOf,
  startAbuseSetup,
  Watch,
} from './abuseHarness.ts';

/** The earlier limits (malformed frames, floods, slow readers), measured like the new attacks. */
let setup: AbuseSetup;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  setup = await startAbuseSetup({ SYNC_MAX_FRAME_BYTES: '65536', SYNC_AWARENESS_RATE: '5' });
});
afterAll(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await setup?.stop();
});

/** A socket of `account` that has joined the document's room. */
async function joined(account = setup.editor): Promise<WebSocket> {
  const ws = rawSocketOf(setup, account);
  sockets.push(ws);
  expect('frame' in (await firstEvent(ws))).toBe(true);
  return ws;
}

function closeOf(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

async function goingAwayCloses(): Promise<number> {
  const text = await (await fetch(`${setup.server.origin}/metrics`)).text();
  return Number(/samverka_sync_closes_total\{reason="GOING_AWAY"\} (\d+)/.exec(text)?.[1] ?? 0);
}

describe('abuse: hostile clients of the sync endpoint', () => {
  it('closes a socket sending malformed frames, alone', async () => {
    const watch = await Watch.start(setup);
    const ws = await joined();
    const closed = closeOf(ws);
    ws.send(new Uint8Array([0, 7, 255, 255, 255, 255, 255]));
    expect(await closed).toBe(CloseCode.MALFORMED_MESSAGE);
    await watch.observe(500);
    expectWithinBounds(await watch.stop());
  });

  it('closes a socket flooding awareness changes with RATE_LIMITED', async () => {
    const watch = await Watch.start(setup);
    const ws = await joined();
    const closed = closeOf(ws);
    const awareness = new Awareness(new Y.Doc());
    for (let i = 0; i < 200; i++) {
      awareness.setLocalStateField('cursor', i);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, SyncMessageType.AWARENESS);
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [awareness.clientID]));
      ws.send(encoding.toUint8Array(encoder));
    }
    expect(await closed).toBe(CloseCode.RATE_LIMITED);
    await watch.observe(500);
    expectWithinBounds(await watch.stop());
  });

  it('drops a socket that stops reading once its send backlog passes its bound', async () => {
    const watch = await Watch.start(setup);
    const slow = await joined(setup.viewer);
    // Stop reading: the kernel buffers fill, then the server's own send buffer grows.
    (slow as unknown as { _socket: { pause(): void } })._socket.pause();
    const writer = clientOf(setup, setup.editor);
    await synced(writer);
    const before = await goingAwayCloses();
    const text = (n: number) => String.fromCharCode(97 + (n % 26)).repeat(30_000);
    let sent = 0;
    while ((await goingAwayCloses()) === before && sent < 1000) {
      for (let i = 0; i < 10; i++) writer.doc.getText('slow').insert(0, text(sent + i));
      sent += 10;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await goingAwayCloses()).toBe(before + 1);
    writer.destroy();
    await watch.observe(500);
    expectWithinBounds(await watch.stop());
  });
});

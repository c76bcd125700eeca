import { SyncMessageType } from '@samverka/model';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { eventually, synced } from '../support/syncClient.ts';
import {
  type AbuseSetup,
  clientOf,
  expectWithinBounds,
  firstEvent,
  rawSocketOf,
  startAbuseSetup,
  Watch,
} from './abuseHarness.ts';

let setup: AbuseSetup | undefined;
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await setup?.stop();
  setup = undefined;
});

/** A sync step 1 asking for the whole document: four bytes. */
function fullStateRequest(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SyncMessageType.SYNC);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

/** One masked client WebSocket frame (mask key 0, so the payload stays as it is). */
function maskedFrame(payload: Uint8Array): Buffer {
  if (payload.byteLength >= 126) throw new Error('short frames only');
  return Buffer.concat([Buffer.from([0x82, 0x80 | payload.byteLength, 0, 0, 0, 0]), payload]);
}

/** Text that does not compress into something smaller than it looks. */
function prose(chars: number): string {
  const words = ['partnership', 'research', 'school', 'steering', 'goal', 'risk', 'budget', 'term', 'plan'];
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const word = `${words[(i * 7919) % words.length]}${i % 97} `;
    parts.push(word);
    length += word.length;
  }
  return parts.join('').slice(0, chars);
}

describe('abuse: answers much larger than their request', () => {
  it('answers 2,000 sync step 1 frames in one write to a 1 MB document once, stalling nobody', async () => {
    setup = await startAbuseSetup();
    const author = clientOf(setup, setup.owner);
    await synced(author);
    author.doc.getText('bulk').insert(0, prose(1_000_000));
    const check = clientOf(setup, setup.editor);
    await synced(check);
    await eventually(() => check.doc.getText('bulk').length === 1_000_000, 'the 1 MB text to be stored');
    author.destroy();
    check.destroy();

    const watch = await Watch.start(setup);
    const attacker = rawSocketOf(setup, setup.viewer);
    sockets.push(attacker);
    // The server speaks first (its own step 1) once the socket has joined the loaded room.
    expect('frame' in (await firstEvent(attacker))).toBe(true);
    let received = 0;
    let largest = 0;
    attacker.on('message', (data: Buffer) => {
      received += data.byteLength;
      largest = Math.max(largest, data.byteLength);
    });
    const request = maskedFrame(fullStateRequest());
    const burst = Buffer.concat(Array.from({ length: 2000 }, () => request));
    (attacker as unknown as { _socket: { write(b: Buffer): void } })._socket.write(burst);
    // The one answer arrives; then the probes run on for a while to catch any late work.
    await eventually(() => largest >= 1_000_000, 'the full-state answer');
    await watch.observe(1500);
    const result = await watch.stop();

    expect(received, 'one full-state answer, not one per frame').toBeLessThan(3_000_000);
    expectWithinBounds(result);
  });
});

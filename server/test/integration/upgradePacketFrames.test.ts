import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { SyncMessageType } from '@samverka/model';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { connectClient, eventually, synced } from '../support/syncClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

/** A client-to-server WebSocket frame: FIN, binary, masked (RFC 6455 §5.2), as any client must send it. */
function maskedBinaryFrame(payload: Uint8Array): Buffer {
  const length = payload.length;
  const header =
    length < 126 ? Buffer.from([0x82, 0x80 | length]) : Buffer.from([0x82, 0x80 | 126, length >> 8, length & 0xff]);
  if (length > 0xffff) throw new Error('test frames stay under 64 KiB');
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] as number)));
  return Buffer.concat([header, mask, body]);
}

/** Reads the 101 answer, then the server's (unmasked) binary frames, from a raw TCP socket. */
class RawSyncReader {
  private pending = Buffer.alloc(0);
  private upgraded = false;
  status = '';
  readonly frames: Uint8Array[] = [];

  constructor(socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.pending = Buffer.concat([this.pending, chunk]);
      this.parse();
    });
  }

  private parse(): void {
    if (!this.upgraded) {
      const end = this.pending.indexOf('\r\n\r\n');
      if (end < 0) return;
      this.status = this.pending.subarray(0, this.pending.indexOf('\r\n')).toString();
      this.pending = this.pending.subarray(end + 4);
      this.upgraded = true;
    }
    for (;;) {
      if (this.pending.length < 2) return;
      let length = (this.pending[1] as number) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.pending.length < 4) return;
        length = this.pending.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.pending.length < 10) return;
        length = Number(this.pending.readBigUInt64BE(2));
        offset = 10;
      }
      if (this.pending.length < offset + length) return;
      if (((this.pending[0] as number) & 0x0f) === 0x2) {
        this.frames.push(new Uint8Array(this.pending.subarray(offset, offset + length)));
      }
      this.pending = this.pending.subarray(offset + length);
    }
  }

  /** The first `n` of each DURABLE_ACK the server sent (how many of our step 2s and updates are stored). */
  acked(): number {
    const acks = this.frames.filter((frame) => frame[0] === SyncMessageType.DURABLE_ACK);
    return Math.max(0, ...acks.map((frame) => decoding.readVarUint(decoding.createDecoder(frame.subarray(1)))));
  }

  /** Whether the server answered our sync step 1 with its step 2. */
  gotStep2(): boolean {
    return this.frames.some(
      (frame) => frame[0] === SyncMessageType.SYNC && frame[1] === syncProtocol.messageYjsSyncStep2,
    );
  }
}

function syncFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SyncMessageType.SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** The frames a fast client sends right behind its upgrade request: its step 1 and one edit. */
function firstFrames(text: string): Buffer[] {
  const doc = new Y.Doc();
  const step1 = syncFrame((e) => syncProtocol.writeSyncStep1(e, doc));
  let update: Uint8Array | undefined;
  doc.on('update', (u: Uint8Array) => (update = u));
  doc.getText('content').insert(0, text);
  const edit = syncFrame((e) => syncProtocol.writeUpdate(e, update as Uint8Array));
  return [maskedBinaryFrame(step1), maskedBinaryFrame(edit)];
}

function upgradeRequest(port: number, documentId: string): Buffer {
  return Buffer.from(
    [
      `GET /sync/${documentId}?acks=1 HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
}

/**
 * The sync route reads frames through `ws` itself under @hono/node-server (see `syncRoute.ts`).
 * A client may put its first frames in the same TCP packet as the upgrade request: they reach
 * the server as the upgrade's `head`, before any handler of ours exists. They must be read, once.
 */
describe('frames sent in the same packet as the upgrade request', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.dispose();
  });

  /** Sends `packets` (each in one write), waits for the edit to be stored, returns what a later reader sees. */
  async function sendAndRead(documentId: string, packets: (sent: Buffer[]) => Buffer[]) {
    const text = `written in the upgrade packet of ${documentId}`;
    const socket = net.connect({ host: '127.0.0.1', port: t.server.port, noDelay: true });
    const reader = new RawSyncReader(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    try {
      for (const [i, packet] of packets([upgradeRequest(t.server.port, documentId), ...firstFrames(text)]).entries()) {
        if (i > 0) await new Promise((resolve) => setTimeout(resolve, 50));
        socket.write(packet);
      }
      await eventually(() => reader.gotStep2() && reader.acked() >= 1, 'step 2 answered and the edit acknowledged');
      expect(reader.status).toBe('HTTP/1.1 101 Switching Protocols');
      // Read once: one edit, one acknowledgement of it (a frame read twice would count twice).
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(reader.acked()).toBe(1);
      expect(reader.frames.filter((frame) => frame[0] === SyncMessageType.SYNC && frame[1] === 1)).toHaveLength(1);
    } finally {
      socket.destroy();
    }
    const later = connectClient(t.server.url, documentId);
    try {
      await synced(later);
      return { text, seen: later.doc.getText('content').toString() };
    } finally {
      later.destroy();
    }
  }

  it('reads the step 1 and the edit that came in the upgrade packet itself', async () => {
    const { text, seen } = await sendAndRead('one-packet', (parts) => [Buffer.concat(parts)]);
    expect(seen).toBe(text);
  });

  it('reads them when the packet ends inside a frame and the rest comes later', async () => {
    const { text, seen } = await sendAndRead('split-packet', (parts) => {
      const all = Buffer.concat(parts);
      const cut = all.length - 5;
      return [all.subarray(0, cut), all.subarray(cut)];
    });
    expect(seen).toBe(text);
  });
});

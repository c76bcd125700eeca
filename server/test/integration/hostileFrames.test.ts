import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CloseCode } from '@samverka/model';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { freePort } from '../support/serverProcess.ts';
import { connectClient, eventually, synced, type TestClient } from '../support/syncClient.ts';
import { createPartnership, createTextDocument, signUp } from '../support/testAccounts.ts';

const MAX_FRAME = 64 * 1024;

/** Cookie and Origin of the member the hostile and well-behaved sockets connect as. */
let headers: Record<string, string> = {};

function openRaw(server: RunningServer, documentId: string): Promise<WebSocket> {
  const ws = new WebSocket(`ws://localhost:${server.port}/sync/${documentId}`, { headers });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function closeCodeOf(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

describe('bad frames close only the sender', () => {
  let server: RunningServer;
  let dataDir: string;
  let good: TestClient;
  let watcher: TestClient;
  let documentId = '';

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-hostile-'));
    // A known port, so the default PUBLIC_URL (the CSRF allow-list) is this server's origin.
    const port = await freePort();
    const config = loadConfig({ PORT: String(port), DATA_DIR: dataDir, SYNC_MAX_FRAME_BYTES: String(MAX_FRAME) });
    server = await startServer(config, createLogger('silent'));
    const owner = await signUp(server.url, 'Anna Lind');
    const partnership = await createPartnership(owner);
    documentId = await createTextDocument(owner, partnership.id);
    headers = { cookie: owner.cookie, origin: server.url };
    good = connectClient(server.url, documentId, undefined, { headers });
    watcher = connectClient(server.url, documentId, undefined, { headers });
    await Promise.all([synced(good), synced(watcher)]);
  });
  afterAll(async () => {
    good.destroy();
    watcher.destroy();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function expectRoomStillWorks(marker: string) {
    good.doc.getText('t').insert(0, marker);
    await eventually(() => watcher.doc.getText('t').toString().includes(marker), `"${marker}" to reach the watcher`);
    expect(good.provider.wsconnected).toBe(true);
    expect(watcher.provider.wsconnected).toBe(true);
  }

  it('closes a socket sending garbage with MALFORMED_MESSAGE', async () => {
    const hostile = await openRaw(server, documentId);
    const closed = closeCodeOf(hostile);
    hostile.send(new Uint8Array([0, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x02]));
    expect(await closed).toBe(CloseCode.MALFORMED_MESSAGE);
    await expectRoomStillWorks('after-garbage ');
  });

  it('closes a socket sending a text frame with MALFORMED_MESSAGE', async () => {
    const hostile = await openRaw(server, documentId);
    const closed = closeCodeOf(hostile);
    hostile.send('hello');
    expect(await closed).toBe(CloseCode.MALFORMED_MESSAGE);
    await expectRoomStillWorks('after-text ');
  });

  it('closes a socket sending an update that is not a Yjs update', async () => {
    const hostile = await openRaw(server, documentId);
    const closed = closeCodeOf(hostile);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // sync
    encoding.writeVarUint(encoder, 2); // update
    encoding.writeVarUint8Array(encoder, new Uint8Array([9, 9, 9, 9, 9, 9, 9, 9]));
    hostile.send(encoding.toUint8Array(encoder));
    expect(await closed).toBe(CloseCode.MALFORMED_MESSAGE);
    await expectRoomStillWorks('after-bad-update ');
  });

  it('closes a socket sending an oversize frame with FRAME_TOO_LARGE', async () => {
    const hostile = await openRaw(server, documentId);
    const closed = closeCodeOf(hostile);
    hostile.send(new Uint8Array(MAX_FRAME + 1));
    expect(await closed).toBe(CloseCode.FRAME_TOO_LARGE);
    await expectRoomStillWorks('after-oversize ');
  });

  it('refuses an upgrade from a foreign Origin before upgrading', async () => {
    const ws = new WebSocket(`ws://localhost:${server.port}/sync/${documentId}`, {
      headers: { cookie: headers.cookie as string, origin: 'https://evil.example' },
    });
    const status = await new Promise<number>((resolve) =>
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(403);
  });
});

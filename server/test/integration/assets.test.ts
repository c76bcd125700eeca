import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ErrorId } from '@samverka/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { freePort } from '../support/serverProcess.ts';
import {
  addMember,
  createPartnership,
  signUp,
  type TestAccount,
  type TestPartnership,
} from '../support/testAccounts.ts';

const MAX_BYTES = 4096;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(7)]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(64).fill(1)]);

describe('canvas assets', () => {
  let server: RunningServer;
  let dataDir: string;
  let owner: TestAccount;
  let editor: TestAccount;
  let viewer: TestAccount;
  let outsider: TestAccount;
  let partnership: TestPartnership;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-assets-'));
    const port = await freePort();
    const config = loadConfig({ PORT: String(port), DATA_DIR: dataDir, ASSET_MAX_BYTES: String(MAX_BYTES) });
    server = await startServer(config, createLogger('silent'));
    owner = await signUp(server.url, 'Anna Lind');
    partnership = await createPartnership(owner);
    editor = await addMember(owner, partnership.id, 'editor');
    viewer = await addMember(owner, partnership.id, 'viewer');
    outsider = await signUp(server.url, 'Olle Outsider');
    await createPartnership(outsider);
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  function upload(who: TestAccount | undefined, documentId: string, type: string, bytes: Uint8Array) {
    return fetch(`${server.url}/api/documents/${documentId}/assets`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': type, ...(who ? { cookie: who.cookie } : {}) },
      body: bytes,
    });
  }
  const download = (who: TestAccount | undefined, src: string) =>
    fetch(`${server.url}${src}`, { headers: who ? { cookie: who.cookie } : {} });
  const errorId = async (res: Response) => ((await res.json()) as { error: { id: string } }).error.id;

  it('stores an editor’s image and serves it, sandboxed, to every member', async () => {
    const res = await upload(editor, partnership.canvasId, 'image/png', PNG);
    expect(res.status).toBe(201);
    const { asset } = (await res.json()) as { asset: { src: string; byteSize: number } };
    expect(asset.src).toMatch(/^\/api\/assets\//);
    expect(asset.byteSize).toBe(PNG.byteLength);
    for (const member of [owner, editor, viewer]) {
      const got = await download(member, asset.src);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/png');
      expect(got.headers.get('content-security-policy')).toContain('sandbox');
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(PNG);
    }
  });

  it('accepts assets only on canvases, with a stable id', async () => {
    const res = await upload(editor, partnership.registerId, 'image/png', PNG);
    expect(res.status).toBe(400);
    expect(await errorId(res)).toBe(ErrorId.NOT_A_CANVAS);
  });

  it('lets browsers keep assets but revalidate each time, so access is checked again', async () => {
    const { asset } = (await (await upload(editor, partnership.canvasId, 'image/png', PNG)).json()) as {
      asset: { src: string };
    };
    const first = await download(viewer, asset.src);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const etag = first.headers.get('etag') as string;
    expect(etag).toMatch(/^".+"$/);
    const revalidate = (who: TestAccount | undefined) =>
      fetch(`${server.url}${asset.src}`, {
        headers: { 'if-none-match': etag, ...(who ? { cookie: who.cookie } : {}) },
      });
    const unchanged = await revalidate(viewer);
    expect(unchanged.status).toBe(304);
    expect((await unchanged.arrayBuffer()).byteLength).toBe(0);
    // Someone without access gets no 304 for a copy they might hold: 404 and 401, as without a cache.
    expect((await revalidate(outsider)).status).toBe(404);
    expect((await revalidate(undefined)).status).toBe(401);
  });

  it('hides assets from other partnerships and from anonymous callers', async () => {
    const { asset } = (await (await upload(owner, partnership.canvasId, 'image/jpeg', JPEG)).json()) as {
      asset: { src: string };
    };
    expect((await download(outsider, asset.src)).status).toBe(404);
    expect((await download(undefined, asset.src)).status).toBe(401);
    // Anonymous callers get the same answer whether or not the id exists.
    expect((await download(undefined, '/api/assets/not-an-asset')).status).toBe(401);
    expect((await download(owner, '/api/assets/not-an-asset')).status).toBe(404);
    expect((await upload(outsider, partnership.canvasId, 'image/png', PNG)).status).toBe(404);
  });

  it('refuses uploads from people who may not edit', async () => {
    const res = await upload(viewer, partnership.canvasId, 'image/png', PNG);
    expect(res.status).toBe(403);
    expect((await upload(undefined, partnership.canvasId, 'image/png', PNG)).status).toBe(401);
  });

  it('refuses other types, mislabelled bytes and oversize files with stable ids', async () => {
    const wrongType = await upload(editor, partnership.canvasId, 'text/html', new TextEncoder().encode('<b>x</b>'));
    expect(wrongType.status).toBe(415);
    expect(await errorId(wrongType)).toBe(ErrorId.UNSUPPORTED_MEDIA_TYPE);
    const mislabelled = await upload(editor, partnership.canvasId, 'image/png', JPEG);
    expect(mislabelled.status).toBe(415);
    const oversize = await upload(editor, partnership.canvasId, 'image/png', new Uint8Array(MAX_BYTES + 1).fill(0x89));
    expect(oversize.status).toBe(413);
    expect(await errorId(oversize)).toBe(ErrorId.PAYLOAD_TOO_LARGE);
  });
});

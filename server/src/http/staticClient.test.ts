import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { acceptedEncodings } from './contentEncoding.ts';
import { mountStaticClient } from './staticClient.ts';

const script = 'export const answer = 42;\n'.repeat(50);

function appFor(dist: string, serveSourceMaps: boolean): Hono {
  const app = new Hono();
  // A key with $-patterns, which String.replace would otherwise expand.
  mountStaticClient(
    app,
    { distDir: dist, tldrawLicenseKey: 'tldraw-abc$&def', serveSourceMaps },
    createLogger('silent'),
  );
  return app;
}

describe('the built client', () => {
  let dist: string;
  let app: Hono;

  beforeAll(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<html><head><title>S</title></head><body></body></html>');
    // As client/build/precompress.ts leaves a build: each compressible file with .br and .gz.
    const file = path.join(dist, 'assets', 'app-123.js');
    fs.writeFileSync(file, script);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(script));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(script));
    fs.writeFileSync(`${file}.map`, '{"version":3}');
    fs.writeFileSync(path.join(dist, 'assets', 'font-1.woff2'), 'wOF2');
    app = appFor(dist, false);
  });
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

  it.each(['/', '/index.html', '/p/some/canvas/route'])(
    'serves %s with the licence key and no caching',
    async (url) => {
      const res = await app.request(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('<meta name="samverka-tldraw-license" content="tldraw-abc$&#38;def" />');
    },
  );

  it('compresses the page for a browser that accepts it', async () => {
    const res = await app.request('/login', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    const html = zlib.brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString();
    expect(html).toContain('samverka-tldraw-license');
  });

  it('sends the brotli file when brotli is accepted, with the original type and a year of caching', async () => {
    const res = await app.request('/assets/app-123.js', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    expect(body.length).toBeLessThan(script.length);
    expect(zlib.brotliDecompressSync(body).toString()).toBe(script);
  });

  it('sends gzip when only gzip is accepted, and the plain file when nothing is', async () => {
    const gz = await app.request('/assets/app-123.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(zlib.gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);

    for (const header of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const res = await app.request('/assets/app-123.js', header ? { headers: { 'Accept-Encoding': header } } : {});
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(await res.text()).toBe(script);
    }
  });

  it('answers a repeated request with 304 when the file has not changed', async () => {
    const first = await app.request('/assets/app-123.js', { headers: { 'Accept-Encoding': 'br' } });
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await app.request('/assets/app-123.js', {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves files without variants as they are, without Vary', async () => {
    const res = await app.request('/assets/font-1.woff2', { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('font/woff2');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBeNull();
  });

  it('never serves source maps, the variants by their own names, or the page for a missing asset', async () => {
    for (const url of [
      '/assets/app-123.js.map',
      '/assets/app-123.js.br',
      '/assets/app-123.js.gz',
      '/assets/gone-1.js',
    ]) {
      const res = await app.request(url);
      expect(res.status, url).toBe(404);
    }
  });

  it('does not leave the build folder', async () => {
    const outside = path.join(path.dirname(dist), 'outside-secret.txt');
    fs.writeFileSync(outside, 'secret');
    try {
      const res = await app.request(`/..%2F${path.basename(outside)}`);
      expect(await res.text()).not.toBe('secret');
    } finally {
      fs.rmSync(outside);
    }
  });

  it('never answers API or sync paths with the page', async () => {
    expect((await app.request('/api/unknown')).status).toBe(404);
    expect((await app.request('/sync/x')).status).toBe(404);
  });

  it('serves source maps when SERVE_SOURCE_MAPS asks for them', async () => {
    const res = await appFor(dist, true).request('/assets/app-123.js.map');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"version":3}');
  });
});

describe('Accept-Encoding', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['gzip, deflate, br, zstd', ['br', 'gzip']],
    ['br;q=1.0, gzip;q=0.8', ['br', 'gzip']],
    ['gzip', ['gzip']],
    ['x-gzip', ['gzip']],
    ['br;q=0, gzip', ['gzip']],
    ['*', ['br', 'gzip']],
    ['*;q=0, br', ['br']],
    ['identity', []],
    ['BR', ['br']],
  ])('%j allows %j', (header, expected) => {
    expect([...acceptedEncodings(header)]).toEqual(expected);
  });
});

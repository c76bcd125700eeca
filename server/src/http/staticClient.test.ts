import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { mountStaticClient } from './staticClient.ts';

describe('the built client', () => {
  let dist: string;
  let app: Hono;
  const cwd = process.cwd();

  beforeAll(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<html><head><title>S</title></head><body></body></html>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-123.js'), 'console.log(1)');
    process.chdir(dist);
    app = new Hono();
    // A key with $-patterns, which String.replace would otherwise expand.
    mountStaticClient(app, { distDir: dist, tldrawLicenseKey: 'tldraw-abc$&def' }, createLogger('silent'));
  });
  afterAll(() => {
    process.chdir(cwd);
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it.each(['/', '/index.html', '/p/some/canvas/route'])(
    'serves %s with the licence key and no caching',
    async (url) => {
      const res = await app.request(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<meta name="samverka-tldraw-license" content="tldraw-abc$&#38;def" />');
    },
  );

  it('serves the built files themselves', async () => {
    const res = await app.request('/assets/app-123.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log(1)');
  });

  it('never answers API or sync paths with the page', async () => {
    expect((await app.request('/api/unknown')).status).toBe(404);
    expect((await app.request('/sync/x')).status).toBe(404);
  });
});

import http from 'node:http';
import zlib from 'node:zlib';
import { expect, test } from '@playwright/test';
import { productionEntry, ServerProcess } from '../../server/test/support/serverProcess.ts';

/** The sign-in page's JavaScript budget (issue 14): what a visitor downloads before the form shows. */
const FIRST_PAGE_BUDGET_BYTES = 100 * 1024;

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire, still compressed. */
  body: Buffer;
}

/** A GET that keeps the body as sent (fetch would decompress it and hide what was sent). */
function rawGet(url: string, acceptEncoding?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {};
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

function decoded(response: RawResponse): string {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(response.body).toString();
  if (encoding === 'gzip') return zlib.gunzipSync(response.body).toString();
  return response.body.toString();
}

/** The entry script and the modules index.html tells the browser to preload with it. */
function scriptsOf(html: string): string[] {
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1] ?? '');
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? '');
  return [...entries, ...preloads];
}

test.use({ locale: 'en-GB' });

let server: ServerProcess;

test.beforeAll(async () => {
  // The compiled server, as `pnpm start` runs it, with no settings: the defaults are what is checked.
  server = await ServerProcess.start({}, { entry: productionEntry });
});
test.afterAll(async () => {
  await server?.stop();
});

test('the sign-in page and its scripts arrive compressed, within 100 KB gzip, and no source map is served', async () => {
  const page = await rawGet(`${server.origin}/login`, 'br, gzip');
  expect(page.status).toBe(200);
  expect(page.headers['content-encoding']).toBe('br');
  expect(page.headers['cache-control']).toBe('no-cache');
  const scripts = scriptsOf(decoded(page));
  expect(scripts.length).toBeGreaterThan(0);

  let gzipTotal = 0;
  for (const src of scripts) {
    const url = `${server.origin}${src}`;
    const plain = await rawGet(url);
    expect(plain.status, src).toBe(200);
    expect(plain.headers['content-encoding'], src).toBeUndefined();

    const br = await rawGet(url, 'br, gzip');
    expect(br.headers['content-encoding'], src).toBe('br');
    expect(br.headers.vary, src).toBe('Accept-Encoding');
    expect(br.headers['content-type'], src).toBe('text/javascript; charset=utf-8');
    expect(br.headers['cache-control'], src).toBe('public, max-age=31536000, immutable');
    expect(br.body.length, src).toBeLessThan(plain.body.length);
    expect(decoded(br), src).toBe(plain.body.toString());

    const gz = await rawGet(url, 'gzip');
    expect(gz.headers['content-encoding'], src).toBe('gzip');
    expect(decoded(gz), src).toBe(plain.body.toString());
    gzipTotal += gz.body.length;

    // Neither referenced nor served.
    expect(plain.body.toString(), src).not.toContain('sourceMappingURL');
    expect((await rawGet(`${url}.map`)).status, `${src}.map`).toBe(404);
  }
  test.info().annotations.push({ type: 'first page JavaScript', description: `${gzipTotal} bytes gzip` });
  console.log(`sign-in page scripts: ${scripts.length} files, ${(gzipTotal / 1024).toFixed(1)} KB gzip`);
  expect(gzipTotal).toBeLessThanOrEqual(FIRST_PAGE_BUDGET_BYTES);
});

test('a browser opening the sign-in page loads no more than 100 KB gzip of JavaScript before the form shows', async ({
  page,
}) => {
  // Everything the browser asks for counts, also chunks index.html does not name (the language's text).
  const scripts = new Set<string>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.add(new URL(response.url()).pathname);
  });
  await page.goto(`${server.origin}/login`);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  expect(scripts.size).toBeGreaterThan(0);

  let gzipTotal = 0;
  for (const src of scripts) {
    const gz = await rawGet(`${server.origin}${src}`, 'gzip');
    expect(gz.headers['content-encoding'], src).toBe('gzip');
    gzipTotal += gz.body.length;
  }
  console.log(`sign-in page in Chromium: ${[...scripts].join(', ')}: ${(gzipTotal / 1024).toFixed(1)} KB gzip`);
  expect(gzipTotal).toBeLessThanOrEqual(FIRST_PAGE_BUDGET_BYTES);
  // Nothing of the editors, the canvas, the register or Yjs before sign-in.
  expect([...scripts].filter((src) => /CanvasPage|DocumentPage|RegisterPage|PartnershipContext/.test(src))).toEqual([]);
});

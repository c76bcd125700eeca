import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { Context, Hono } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import type { Logger } from '../logger.ts';
import { acceptedEncodings, PRECOMPRESSED, type Precompressed } from './contentEncoding.ts';

export interface StaticClientOptions {
  distDir: string;
  tldrawLicenseKey: string | undefined;
  /** Serve `*.map` files when the build has them (SERVE_SOURCE_MAPS); otherwise they are 404. */
  serveSourceMaps: boolean;
}

/** Hashed file names change with their content, so a browser may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const ASSETS_PREFIX = '/assets/';

/**
 * Serves the built client from `distDir`: each file in the `.br` or `.gz` variant the build wrote
 * (client/build/precompress.ts) when the request's Accept-Encoding allows it, hashed assets with a
 * long cache, and index.html for every other GET so client-side routes survive a reload.
 */
export function mountStaticClient(app: Hono, options: StaticClientOptions, log: Logger): void {
  const distDir = path.resolve(options.distDir);
  const indexFile = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexFile)) log.warn({ distDir }, 'client build not found; run `pnpm build` to serve the app');
  // Read per request (cached once found) so a build finished after start-up is served.
  let index: IndexPage | undefined;
  const serveIndex = (c: Context) => {
    const p = c.req.path;
    if (p.startsWith('/api/') || p.startsWith('/sync/')) return c.notFound();
    index ??= readIndex(indexFile, options.tldrawLicenseKey);
    if (index === undefined) return c.text('The client is not built yet: run `pnpm build`.', 503);
    // Never cached: it names the hashed assets of the current build.
    const encoding = PRECOMPRESSED.find((e) => acceptedEncodings(c.req.header('accept-encoding')).has(e.encoding));
    const headers: Record<string, string> = {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    };
    if (encoding) headers['Content-Encoding'] = encoding.encoding;
    const body = encoding ? index[encoding.encoding] : index.identity;
    return c.body(new Uint8Array(body), 200, headers);
  };
  // index.html always goes through serveIndex: the licence key is added there.
  app.get('/', serveIndex);
  app.get('/index.html', serveIndex);
  app.get('*', async (c, next) => {
    const response = serveFile(c, distDir, options.serveSourceMaps);
    if (response) return response;
    // A missing hashed asset is a 404, not the page: a script tag would otherwise run HTML.
    if (c.req.path.startsWith(ASSETS_PREFIX)) return c.notFound();
    return next();
  });
  app.get('*', serveIndex);
}

/** The response for a file of the build, or undefined when `distDir` has no such file. */
function serveFile(c: Context, distDir: string, serveSourceMaps: boolean): Response | Promise<Response> | undefined {
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(c.req.path);
  } catch {
    return c.notFound();
  }
  if (urlPath.includes('\0') || urlPath.startsWith('/api/') || urlPath.startsWith('/sync/')) return undefined;
  // Source maps show the whole source; the variants are only ever sent for their original.
  if (urlPath.endsWith('.map') && !serveSourceMaps) return c.notFound();
  if (PRECOMPRESSED.some(({ suffix }) => urlPath.endsWith(suffix))) return c.notFound();
  const file = path.join(distDir, path.posix.normalize(urlPath));
  if (!file.startsWith(distDir + path.sep)) return undefined;
  const original = statFile(file);
  if (!original) return undefined;

  const accepted = acceptedEncodings(c.req.header('accept-encoding'));
  let chosen: { file: string; size: number; encoding?: Precompressed['encoding'] } = { file, size: original.size };
  let hasVariants = false;
  for (const variant of PRECOMPRESSED) {
    const stat = statFile(file + variant.suffix);
    if (!stat) continue;
    hasVariants = true;
    if (!chosen.encoding && accepted.has(variant.encoding)) {
      chosen = { file: file + variant.suffix, size: stat.size, encoding: variant.encoding };
    }
  }
  const headers: Record<string, string> = {
    'Content-Type': getMimeType(file) ?? 'application/octet-stream',
    'Content-Length': String(chosen.size),
    'Cache-Control': urlPath.startsWith(ASSETS_PREFIX) ? IMMUTABLE : 'no-cache',
    ETag: `"${original.size.toString(36)}-${Math.trunc(original.mtimeMs).toString(36)}${chosen.encoding ? `-${chosen.encoding}` : ''}"`,
  };
  if (hasVariants) headers.Vary = 'Accept-Encoding';
  if (chosen.encoding) headers['Content-Encoding'] = chosen.encoding;
  if (c.req.header('if-none-match') === headers.ETag) {
    delete headers['Content-Length'];
    return c.body(null, 304, headers);
  }
  if (c.req.method === 'HEAD') return c.body(null, 200, headers);
  const stream = Readable.toWeb(fs.createReadStream(chosen.file)) as ReadableStream<Uint8Array>;
  return c.body(stream, 200, headers);
}

function statFile(file: string): fs.Stats | undefined {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? stat : undefined;
}

/** index.html with the licence key, in each encoding (compressed once, it is small). */
interface IndexPage {
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

function readIndex(file: string, licenseKey: string | undefined): IndexPage | undefined {
  let html: string;
  try {
    html = withLicenseKey(fs.readFileSync(file, 'utf8'), licenseKey);
  } catch {
    return undefined;
  }
  const identity = Buffer.from(html);
  return { identity, br: zlib.brotliCompressSync(identity), gzip: zlib.gzipSync(identity, { level: 9 }) };
}

/** Passes the tldraw licence key to the client at run time, as a meta tag (no inline script). */
function withLicenseKey(html: string, key: string | undefined): string {
  if (!key) return html;
  const escaped = key.replace(/[&"<>]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return html.replace('</head>', () => `<meta name="samverka-tldraw-license" content="${escaped}" />\n</head>`);
}

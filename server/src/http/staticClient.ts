import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import type { Logger } from '../logger.ts';

/**
 * Serves the built client from `distDir`: hashed assets with a long cache, and
 * index.html for every other GET so client-side routes survive a reload.
 */
export function mountStaticClient(
  app: Hono,
  options: { distDir: string; tldrawLicenseKey: string | undefined },
  log: Logger,
): void {
  const { distDir } = options;
  const indexFile = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexFile)) log.warn({ distDir }, 'client build not found; run `pnpm build` to serve the app');
  const root = path.relative(process.cwd(), distDir) || '.';
  // Read per request (cached once found) so a build finished after start-up is served.
  let indexHtml: string | undefined;
  const serveIndex = (c: Context) => {
    const p = c.req.path;
    if (p.startsWith('/api/') || p.startsWith('/sync/')) return c.notFound();
    indexHtml ??= readIndex(indexFile, options.tldrawLicenseKey);
    if (indexHtml === undefined) return c.text('The client is not built yet: run `pnpm build`.', 503);
    c.header('Cache-Control', 'no-cache');
    return c.html(indexHtml);
  };
  // index.html always goes through serveIndex: the licence key is added there, and it
  // must never be cached (it names the hashed assets of the current build).
  app.get('/', serveIndex);
  app.get('/index.html', serveIndex);
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.use('*', serveStatic({ root }));
  app.get('*', serveIndex);
}

function readIndex(file: string, licenseKey: string | undefined): string | undefined {
  try {
    return withLicenseKey(fs.readFileSync(file, 'utf8'), licenseKey);
  } catch {
    return undefined;
  }
}

/** Passes the tldraw licence key to the client at run time, as a meta tag (no inline script). */
function withLicenseKey(html: string, key: string | undefined): string {
  if (!key) return html;
  const escaped = key.replace(/[&"<>]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return html.replace('</head>', () => `<meta name="samverka-tldraw-license" content="${escaped}" />\n</head>`);
}

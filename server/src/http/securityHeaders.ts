import { SHARED_SNAPSHOT_PATH_PREFIX } from '@samverka/model';
import type { MiddlewareHandler } from 'hono';

/**
 * Pages and API answers reached with a snapshot share link: the token is in
 * the URL, so no Referer may carry it away, and no search engine may index it.
 */
export function isSharedSnapshotPath(path: string): boolean {
  return path.startsWith(SHARED_SNAPSHOT_PATH_PREFIX) || path.startsWith(`/api${SHARED_SNAPSHOT_PATH_PREFIX}`);
}

/**
 * Scripts only from our origin (no inline ones); tldraw needs blob:/data: images
 * and fonts and inline styles; the sync socket connects back to us.
 */
function contentSecurityPolicy(allowedOrigins: readonly string[]): string {
  const sockets = allowedOrigins.map((origin) => origin.replace(/^http/, 'ws')).join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' blob: data:",
    "media-src 'self' blob: data:",
    // tldraw fetches data: and blob: URLs (fonts, pasted images) through fetch().
    `connect-src 'self' ${sockets} data: blob:`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** HTTPS only, for a year, once a browser has seen the site over HTTPS. */
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/**
 * Adds the security headers to every response; `Strict-Transport-Security` when
 * the public URL is https (over plain http a browser ignores it, and a pilot on
 * http://localhost must not be told to insist on HTTPS).
 */
export function securityHeaders(allowedOrigins: readonly string[], publicUrl: string): MiddlewareHandler {
  const policy = contentSecurityPolicy(allowedOrigins);
  const https = publicUrl.startsWith('https://');
  return async (c, next) => {
    await next();
    // A WebSocket upgrade has already handed its socket over; there is no response to decorate.
    if (c.res.status === 101) return;
    // A route may have set a stricter policy (uploaded assets are sandboxed); keep it.
    if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', policy);
    const shared = isSharedSnapshotPath(c.req.path);
    // A page whose URL holds a token (email links) has set no-referrer itself; keep it.
    if (shared) c.header('Referrer-Policy', 'no-referrer');
    else if (!c.res.headers.has('Referrer-Policy')) c.header('Referrer-Policy', 'same-origin');
    if (shared) {
      c.header('X-Robots-Tag', 'noindex, nofollow');
      c.header('Cache-Control', 'no-store');
    }
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (https) c.header('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  };
}

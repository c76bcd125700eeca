import type { MiddlewareHandler } from 'hono';

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
    c.header('Referrer-Policy', 'same-origin');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (https) c.header('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  };
}

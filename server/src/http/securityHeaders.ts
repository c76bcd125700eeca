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

/** Adds the security headers to every response. */
export function securityHeaders(allowedOrigins: readonly string[]): MiddlewareHandler {
  const policy = contentSecurityPolicy(allowedOrigins);
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
  };
}

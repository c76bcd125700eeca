import type { MiddlewareHandler } from 'hono';
import { apiErrors } from './apiErrors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses unsafe methods unless the browser says the request came from an
 * allowed origin. Hono's own csrf middleware only looks at form posts; our API is JSON.
 * `exemptPaths` are POSTs that a mail provider's server makes (RFC 8058 one-click
 * unsubscribe): they carry no Origin, and authenticate by a token in the URL, never by cookie,
 * so a forged request can do no more than the token's holder could.
 */
export function csrfProtection(
  allowedOrigins: readonly string[],
  exemptPaths: readonly string[] = [],
): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    if (c.req.method === 'POST' && exemptPaths.includes(c.req.path)) return next();
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    if ((origin !== undefined && allowedOrigins.includes(origin)) || fetchSite === 'same-origin') return next();
    throw apiErrors.csrfRejected();
  };
}

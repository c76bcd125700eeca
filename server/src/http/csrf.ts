import type { MiddlewareHandler } from 'hono';
import { apiErrors } from './apiErrors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses unsafe methods unless the browser says the request came from an
 * allowed origin. Hono's own csrf middleware only looks at form posts; our API is JSON.
 */
export function csrfProtection(allowedOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    if ((origin !== undefined && allowedOrigins.includes(origin)) || fetchSite === 'same-origin') return next();
    throw apiErrors.csrfRejected();
  };
}

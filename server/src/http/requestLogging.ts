import type { MiddlewareHandler } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';
import { routePath } from 'hono/route';
import type { Logger } from '../logger.ts';

/** Path segments this long may be secrets (invitation and share-link tokens live in URLs). */
const LONG_SEGMENT = 20;

/** The path with every long segment masked, so a token in a URL never reaches the log. */
export function loggablePath(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment.length >= LONG_SEGMENT ? ':redacted' : segment))
    .join('/');
}

/**
 * One log line per HTTP request: request id, method, matched route pattern,
 * masked path, status and time. No query string, headers or body are logged,
 * so cookies, tokens and document content cannot end up in the log this way.
 */
export function requestLogging(log: Logger): MiddlewareHandler<{ Variables: RequestIdVariables }> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log.info(
      {
        reqId: c.get('requestId'),
        method: c.req.method,
        route: routePath(c, -1),
        path: loggablePath(c.req.path),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}

import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.ts';

/**
 * One log line per HTTP request: request id, method, path, status and time.
 * Only the path is logged (no query string, headers or body), so cookies,
 * tokens and document content cannot end up in the log this way.
 */
export function requestLogging(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log.info(
      {
        reqId: c.get('requestId' as never) as string | undefined,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}

import { type ApiErrorBody, ErrorId, type ErrorIdValue } from '@samverka/model';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../logger.ts';
import { loggablePath } from './requestLogging.ts';

/** An error a route throws on purpose: a status, a stable id and a message for people. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly id: ErrorIdValue,
    message: string,
    /** Per-field messages for validation errors, keyed by the field's path. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = 'Not found') => new ApiError(404, ErrorId.NOT_FOUND, what);
export const payloadTooLarge = () => new ApiError(413, ErrorId.PAYLOAD_TOO_LARGE, 'The request body is too large');

/** Turns any thrown value into the API's error body; unknown errors hide their details. */
export function handleError(error: unknown, c: Context, log: Logger): Response {
  if (error instanceof ApiError) {
    const body: ApiErrorBody = {
      error: { id: error.id, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
    };
    return c.json(body, error.status);
  }
  // The path may hold an invitation token; log it masked like every request line.
  log.error(
    { err: error instanceof Error ? error.stack : String(error), path: loggablePath(c.req.path) },
    'unhandled error',
  );
  const body: ApiErrorBody = { error: { id: ErrorId.INTERNAL_ERROR, message: 'Something went wrong on the server' } };
  return c.json(body, 500);
}

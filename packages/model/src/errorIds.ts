/**
 * Stable error ids of the HTTP API. Bodies look like
 * `{ "error": { "id": "<ErrorId>", "message": "..." } }`; integrators match on the id.
 */
export const ErrorId = {
  VALIDATION_FAILED: 'validation_failed',
  UNKNOWN_FIELD: 'unknown_field',
  NOT_FOUND: 'not_found',
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  CSRF_REJECTED: 'csrf_rejected',
  PAYLOAD_TOO_LARGE: 'payload_too_large',
  RATE_LIMITED: 'rate_limited',
  INVALID_CREDENTIALS: 'invalid_credentials',
  INTERNAL_ERROR: 'internal_error',
} as const;

export type ErrorIdValue = (typeof ErrorId)[keyof typeof ErrorId];

/** The JSON body of every API error. */
export interface ApiErrorBody {
  error: { id: ErrorIdValue | string; message: string };
}

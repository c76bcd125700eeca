import type { Context } from 'hono';

/**
 * A stored document state as the response body: bytes exactly as stored, never
 * cached (a deleted snapshot or revoked link must stop answering at once).
 */
export function documentStateResponse(c: Context, state: Uint8Array): Response {
  return c.body(state as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/octet-stream',
    'cache-control': 'no-store',
  });
}

import { randomBytes } from 'node:crypto';

/** A random URL-safe id of `bytes` bytes of entropy: rows, session ids and secrets, tokens. */
export function randomId(bytes = 15): string {
  return randomBytes(bytes).toString('base64url');
}

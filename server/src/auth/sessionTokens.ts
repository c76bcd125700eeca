import { createHash, timingSafeEqual } from 'node:crypto';
import { randomId } from '../ids.ts';

/** A new token `<id>.<secret>`: the id finds the row, the secret proves possession. */
export interface NewSessionToken {
  id: string;
  secret: string;
  token: string;
  secretHash: string;
}

/** Generates a session token; only `secretHash` may be stored. */
export function generateSessionToken(): NewSessionToken {
  const id = randomId(15);
  const secret = randomId(32);
  return { id, secret, token: `${id}.${secret}`, secretHash: sha256Hex(secret) };
}

/** Splits a token into its id and secret, or undefined when malformed. */
export function parseSessionToken(token: string): { id: string; secret: string } | undefined {
  const match = /^([A-Za-z0-9_-]{10,64})\.([A-Za-z0-9_-]{20,128})$/.exec(token);
  if (!match) return undefined;
  return { id: match[1] as string, secret: match[2] as string };
}

/** Hex SHA-256 of a string. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Compares two hex digests in constant time, so timing reveals nothing of a stored hash. */
export function constantTimeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  if (left.length !== right.length || left.length === 0) return false;
  return timingSafeEqual(left, right);
}

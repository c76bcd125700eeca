import type { Context } from 'hono';
import { readSessionCookie } from '../auth/sessionCookie.ts';

/**
 * What a request presents to prove who it is. Only the session cookie exists
 * today; a snapshot share link will add `{ kind: 'shareLink'; token }`, resolved
 * by the same `AccessResolver` into an actor the policy knows.
 */
export type Credential = { kind: 'session'; token: string } | { kind: 'none' };

/** The credential a request carries (HTTP route or sync upgrade alike). */
export function credentialOf(c: Context): Credential {
  const token = readSessionCookie(c);
  return token ? { kind: 'session', token } : { kind: 'none' };
}

import type { Context } from 'hono';
import { readSessionCookie } from '../auth/sessionCookie.ts';

/**
 * What a request presents to prove who it is: the session cookie, or a snapshot
 * share link's token (only ever read from the path of `/api/shared/:token/...`,
 * never from a cookie or header, so it opens nothing else). Both are resolved by
 * the same `AccessResolver`.
 */
export type Credential = { kind: 'session'; token: string } | { kind: 'shareLink'; token: string } | { kind: 'none' };

/** The credential a request carries (HTTP route or sync upgrade alike); share links are named by their routes. */
export function credentialOf(c: Context): Credential {
  const token = readSessionCookie(c);
  return token ? { kind: 'session', token } : { kind: 'none' };
}

import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.ts';
import { completePendingLink } from './identityResolver.ts';
import { oidcCookies } from './oidcCookies.ts';

/**
 * Called by password login once the password is right: if this browser holds a pending link for
 * the very account it signed in to, the provider identity is linked. A link for another account
 * is dropped, never moved: it was offered because of that account's email.
 */
export async function linkPendingIdentity(
  c: Context,
  db: Kysely<DatabaseSchema>,
  userId: string,
  publicUrl: string,
): Promise<void> {
  const token = oidcCookies.takeLink(c, publicUrl);
  if (token) await completePendingLink(db, token, userId);
}

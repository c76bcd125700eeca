import type { Kysely } from 'kysely';
import { sha256Hex } from '../auth/sessionTokens.ts';
import { randomId } from '../ids.ts';
import type { DatabaseSchema, UsersTable } from '../storage/schema.ts';

/** How long an email's unsubscribe link works: long enough for an old email in someone's inbox. */
export const UNSUBSCRIBE_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * The one-click unsubscribe URL (RFC 8058): the same URL serves the page a person opens (GET)
 * and the mail client's `List-Unsubscribe=One-Click` POST. The token rides in the query, which
 * the request log never writes.
 */
export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/api/email/unsubscribe?token=${token}`;
}

/** A fresh token for one email; only its SHA-256 is stored. */
export async function createUnsubscribeToken(db: Kysely<DatabaseSchema>, userId: string, now: number): Promise<string> {
  const token = randomId(32);
  await db
    .insertInto('unsubscribe_tokens')
    .values({ token_hash: sha256Hex(token), user_id: userId, created_at: now, expires_at: now + UNSUBSCRIBE_TTL_MS })
    .execute();
  return token;
}

/** The person a live unsubscribe token belongs to. */
export async function unsubscribeHolder(
  db: Kysely<DatabaseSchema>,
  token: string,
  now: number,
): Promise<Pick<UsersTable, 'id' | 'email' | 'locale' | 'notify_mode'> | undefined> {
  return db
    .selectFrom('unsubscribe_tokens')
    .innerJoin('users', 'users.id', 'unsubscribe_tokens.user_id')
    .select(['users.id', 'users.email', 'users.locale', 'users.notify_mode'])
    .where('unsubscribe_tokens.token_hash', '=', sha256Hex(token))
    .where('unsubscribe_tokens.expires_at', '>', now)
    .executeTakeFirst();
}

/**
 * Turns the holder's notification emails off. Repeating it is harmless (mail clients may
 * POST more than once), so the token is not used up; pending notifications are then dropped
 * at send time.
 */
export async function unsubscribe(db: Kysely<DatabaseSchema>, userId: string): Promise<void> {
  await db.updateTable('users').set({ notify_mode: 'off' }).where('id', '=', userId).execute();
}

/** Expired tokens go. */
export async function pruneUnsubscribeTokens(db: Kysely<DatabaseSchema>, now: number): Promise<void> {
  await db.deleteFrom('unsubscribe_tokens').where('expires_at', '<=', now).execute();
}

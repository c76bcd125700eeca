import type { Kysely } from 'kysely';
import { randomId } from '../ids.ts';
import { verificationEmail } from '../mail/emailTemplates.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { DatabaseSchema, UsersTable } from '../storage/schema.ts';
import { sha256Hex } from './sessionTokens.ts';

/** How long a verification link works. */
export const VERIFY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The page that confirms an address. A GET only shows a button (mail scanners open links);
 * the button's POST uses the token. The token rides in the query, which the request log never writes.
 */
export function verificationUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/api/email/verify?token=${token}`;
}

/**
 * Whether this account must confirm its address before it may create a partnership and
 * receive notifications: only when the server sends email (without SMTP nobody could).
 * Everything else (signing in, joining by invitation, working in a partnership) is allowed:
 * an invitation is the inviter vouching for the person.
 */
export function mustVerify(mailer: Pick<Mailer, 'delivers'>, user: Pick<UsersTable, 'email_verified_at'>): boolean {
  return mailer.delivers && user.email_verified_at == null;
}

/** Makes a token for the account's current address and emails the link (in the background). */
export async function sendVerification(
  db: Kysely<DatabaseSchema>,
  mailer: Mailer,
  publicUrl: string,
  user: Pick<UsersTable, 'id' | 'email' | 'name' | 'locale'>,
  now = Date.now(),
): Promise<void> {
  const token = randomId(32);
  await db
    .insertInto('email_verifications')
    .values({
      token_hash: sha256Hex(token),
      user_id: user.id,
      email: user.email,
      created_at: now,
      expires_at: now + VERIFY_TTL_MS,
      used_at: null,
    })
    .execute();
  const link = verificationUrl(publicUrl, token);
  const written = verificationEmail(user.locale ?? 'en', user.name, link);
  mailer.sendInBackground({ kind: 'email_verification', to: user.email, link, ...written });
}

/** The account a live, unused verification token is for (the GET page shows its address). */
export async function verificationHolder(
  db: Kysely<DatabaseSchema>,
  token: string,
  now = Date.now(),
): Promise<{ userId: string; email: string; locale: UsersTable['locale'] } | undefined> {
  return (
    db
      .selectFrom('email_verifications')
      .innerJoin('users', 'users.id', 'email_verifications.user_id')
      .select(['users.id as userId', 'email_verifications.email', 'users.locale'])
      .where('email_verifications.token_hash', '=', sha256Hex(token))
      .where('email_verifications.used_at', 'is', null)
      .where('email_verifications.expires_at', '>', now)
      // A link sent to an address the account no longer has verifies nothing.
      .whereRef('users.email', '=', 'email_verifications.email')
      .executeTakeFirst()
  );
}

/**
 * Confirms the address with a token, once: a conditional update claims it, so two uses at
 * once cannot both win. Returns whether it worked.
 */
export async function verifyEmail(db: Kysely<DatabaseSchema>, token: string, now = Date.now()): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const holder = await verificationHolder(tx, token, now);
    if (!holder) return false;
    const claimed = await tx
      .updateTable('email_verifications')
      .set({ used_at: now })
      .where('token_hash', '=', sha256Hex(token))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return false;
    await tx
      .updateTable('users')
      .set({ email_verified_at: now })
      .where('id', '=', holder.userId)
      .where('email', '=', holder.email)
      .execute();
    // The account's other links have nothing left to do.
    await tx
      .updateTable('email_verifications')
      .set({ used_at: now })
      .where('user_id', '=', holder.userId)
      .where('used_at', 'is', null)
      .execute();
    return true;
  });
}

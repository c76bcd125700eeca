import type { ConfirmPasswordResetRequest } from '@samverka/model';
import type { Kysely } from 'kysely';
import { commitThenPublish, type RightsBus } from '../access/rightsEvents.ts';
import { apiErrors } from '../http/apiErrors.ts';
import { randomId } from '../ids.ts';
import type { DatabaseSchema, UsersTable } from '../storage/schema.ts';
import { hashPassword, isCommonPassword } from './passwords.ts';
import { sha256Hex } from './sessionTokens.ts';

/** How long a reset link works. */
export const RESET_TTL_MS = 60 * 60 * 1000;

/** The page that sets the new password; the token rides in the fragment, which browsers never send to a server. */
export function passwordResetUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/reset-password#${token}`;
}

/**
 * Makes a reset token for the account with this email, if there is an enabled one. Only the
 * token's SHA-256 is stored; the token itself goes into the email and nowhere else.
 */
export async function createPasswordReset(
  db: Kysely<DatabaseSchema>,
  email: string,
  now = Date.now(),
): Promise<{ user: UsersTable; token: string } | undefined> {
  const user = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  if (!user || user.disabled_at != null) return undefined;
  const token = randomId(32);
  await db
    .insertInto('password_resets')
    .values({
      token_hash: sha256Hex(token),
      user_id: user.id,
      created_at: now,
      expires_at: now + RESET_TTL_MS,
      used_at: null,
    })
    .execute();
  return { user, token };
}

/**
 * Sets a new password with a reset token: the token is claimed once (a conditional update, so two
 * uses at once cannot both win), the password replaced, and every session of the account ended.
 */
export async function resetPassword(
  db: Kysely<DatabaseSchema>,
  rights: RightsBus,
  input: ConfirmPasswordResetRequest,
  now = Date.now(),
): Promise<number> {
  if (isCommonPassword(input.newPassword)) throw apiErrors.passwordTooCommon();
  const passwordHash = await hashPassword(input.newPassword);
  const tokenHash = sha256Hex(input.token);
  return commitThenPublish(db, rights, async (tx) => {
    const reset = await tx
      .selectFrom('password_resets')
      .innerJoin('users', 'users.id', 'password_resets.user_id')
      .select(['password_resets.user_id', 'users.disabled_at'])
      .where('password_resets.token_hash', '=', tokenHash)
      .where('password_resets.used_at', 'is', null)
      .where('password_resets.expires_at', '>', now)
      .executeTakeFirst();
    if (!reset || reset.disabled_at != null) throw apiErrors.resetTokenInvalid();
    const claimed = await tx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw apiErrors.resetTokenInvalid();
    await tx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', reset.user_id).execute();
    // Other links of the same account stop working too: the password they were for is gone.
    await tx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('user_id', '=', reset.user_id)
      .where('used_at', 'is', null)
      .execute();
    const ended = await tx.deleteFrom('sessions').where('user_id', '=', reset.user_id).executeTakeFirst();
    return {
      result: Number(ended.numDeletedRows),
      change: { reason: 'passwordChanged', userId: reset.user_id },
    };
  });
}

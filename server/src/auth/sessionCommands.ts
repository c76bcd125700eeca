import type { ChangePasswordRequest } from '@samverka/model';
import type { Kysely } from 'kysely';
import { commitThenPublish, type RightsBus } from '../access/rightsEvents.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import { hashPassword, isCommonPassword, verifyPassword } from './passwords.ts';
import { SessionStore, type ValidSession } from './sessionStore.ts';

/** Ends one of a person's sessions (signing out, or ending it from the session list); publishes the change. */
export async function endSession(
  db: Kysely<DatabaseSchema>,
  rights: RightsBus,
  userId: string,
  sessionId: string,
): Promise<void> {
  await commitThenPublish(db, rights, async (tx) => {
    await new SessionStore(tx).delete(sessionId);
    return { result: undefined, change: { reason: 'signedOut', userId } };
  });
}

/** Ends every session of a person but the current one; returns how many ended. */
export async function endOtherSessions(
  db: Kysely<DatabaseSchema>,
  rights: RightsBus,
  auth: ValidSession,
): Promise<number> {
  return commitThenPublish(db, rights, async (tx) => {
    const ended = await new SessionStore(tx).deleteOthers(auth.user.id, auth.session.id);
    return { result: ended, change: { reason: 'signedOutElsewhere', userId: auth.user.id } };
  });
}

/** Changes a password after checking the current one, and ends every other session of the account. */
export async function changePassword(
  db: Kysely<DatabaseSchema>,
  rights: RightsBus,
  auth: ValidSession,
  input: ChangePasswordRequest,
): Promise<number> {
  if (!(await verifyPassword(auth.user.password_hash, input.currentPassword))) throw apiErrors.wrongPassword();
  if (isCommonPassword(input.newPassword)) throw apiErrors.passwordTooCommon();
  const passwordHash = await hashPassword(input.newPassword);
  return commitThenPublish(db, rights, async (tx) => {
    await tx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', auth.user.id).execute();
    const ended = await new SessionStore(tx).deleteOthers(auth.user.id, auth.session.id);
    return { result: ended, change: { reason: 'passwordChanged', userId: auth.user.id } };
  });
}

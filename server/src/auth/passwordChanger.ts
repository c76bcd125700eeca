import type { ChangePasswordRequest } from '@samverka/model';
import type { AppServices } from '../appServices.ts';
import { apiErrors } from '../http/apiErrors.ts';
import { hashPassword, isCommonPassword, verifyPassword } from './passwords.ts';
import type { ValidSession } from './sessionStore.ts';

/** Changes a password after checking the current one, and ends every other session of the account. */
export async function changePassword(
  services: AppServices,
  auth: ValidSession,
  input: ChangePasswordRequest,
): Promise<number> {
  if (!(await verifyPassword(auth.user.password_hash, input.currentPassword))) throw apiErrors.wrongPassword();
  if (isCommonPassword(input.newPassword)) throw apiErrors.passwordTooCommon();
  const passwordHash = await hashPassword(input.newPassword);
  await services.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', auth.user.id).execute();
  const ended = await services.sessions.deleteOthers(auth.user.id, auth.session.id);
  await services.revokeSockets(auth.user.id);
  return ended;
}

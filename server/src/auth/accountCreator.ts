import type { SignupRequest } from '@samverka/model';
import type { Kysely } from 'kysely';
import { apiErrors } from '../http/apiErrors.ts';
import { randomId } from '../ids.ts';
import type { DatabaseSchema, UsersTable } from '../storage/schema.ts';
import { hashPassword, isCommonPassword } from './passwords.ts';

/** Creates an account: refuses common passwords and taken emails, stores only an argon2id hash. */
export async function createAccount(db: Kysely<DatabaseSchema>, input: SignupRequest): Promise<UsersTable> {
  if (isCommonPassword(input.password)) throw apiErrors.passwordTooCommon();
  const existing = await db.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
  if (existing) throw apiErrors.emailTaken();
  const user: UsersTable = {
    id: randomId(12),
    email: input.email,
    name: input.name,
    password_hash: await hashPassword(input.password),
    created_at: Date.now(),
    locale: input.locale ?? 'en',
    disabled_at: null,
    // Confirmed by the emailed link when the server sends email (`auth/emailVerification.ts`).
    email_verified_at: null,
    notify_mode: 'immediate',
  };
  try {
    await db.insertInto('users').values(user).execute();
  } catch (error) {
    // Two sign-ups with one email at once: the unique index decides.
    const again = await db.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
    if (again) throw apiErrors.emailTaken();
    throw error;
  }
  return user;
}

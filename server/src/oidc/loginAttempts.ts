import type { Locale } from '@samverka/model';
import type { Kysely } from 'kysely';
import { sha256Hex } from '../auth/sessionTokens.ts';
import type { DatabaseSchema, OidcLoginAttemptsTable } from '../storage/schema.ts';

/** Long enough to type a password and answer a second factor at the provider; short enough to die unused. */
export const LOGIN_ATTEMPT_MS = 10 * 60 * 1000;

export interface LoginAttempt {
  provider: string;
  nonce: string;
  codeVerifier: string;
  invitationToken: string | null;
  nextPath: string | null;
  locale: Locale;
}

/** Stores a round trip's secrets under its state's hash; old, unclaimed attempts are swept on the way. */
export async function storeLoginAttempt(
  db: Kysely<DatabaseSchema>,
  state: string,
  attempt: LoginAttempt,
  now = Date.now(),
): Promise<void> {
  await db.deleteFrom('oidc_login_attempts').where('expires_at', '<', now).execute();
  const row: OidcLoginAttemptsTable = {
    state_hash: sha256Hex(state),
    provider: attempt.provider,
    nonce: attempt.nonce,
    code_verifier: attempt.codeVerifier,
    invitation_token: attempt.invitationToken,
    next_path: attempt.nextPath,
    locale: attempt.locale,
    expires_at: now + LOGIN_ATTEMPT_MS,
  };
  await db.insertInto('oidc_login_attempts').values(row).execute();
}

/**
 * Takes the attempt for `state` out of the store: a callback can use it once, so a replayed
 * callback finds nothing. Undefined when unknown, expired or for another provider.
 */
export async function claimLoginAttempt(
  db: Kysely<DatabaseSchema>,
  provider: string,
  state: string,
  now = Date.now(),
): Promise<LoginAttempt | undefined> {
  const row = await db
    .deleteFrom('oidc_login_attempts')
    .where('state_hash', '=', sha256Hex(state))
    .returningAll()
    .executeTakeFirst();
  if (!row || row.provider !== provider || Number(row.expires_at) < now) return undefined;
  return {
    provider: row.provider,
    nonce: row.nonce,
    codeVerifier: row.code_verifier,
    invitationToken: row.invitation_token,
    nextPath: row.next_path,
    locale: row.locale,
  };
}

import {
  cleanName,
  ErrorId,
  type ErrorIdValue,
  emailSchema,
  type Locale,
  PERSON_NAME_MAX_LENGTH,
} from '@samverka/model';
import type { Kysely } from 'kysely';
import { mustVerify } from '../auth/emailVerification.ts';
import { hashPassword } from '../auth/passwords.ts';
import { sha256Hex } from '../auth/sessionTokens.ts';
import { checkSignupAllowed } from '../auth/signupPolicy.ts';
import type { OidcProviderSettings, SignupPolicy } from '../config.ts';
import { ApiError } from '../http/apiErrors.ts';
import { randomId } from '../ids.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { DatabaseSchema, UsersTable } from '../storage/schema.ts';

/** How long a person has to prove an existing account with its password before the link offer lapses. */
export const PENDING_LINK_MS = 15 * 60 * 1000;

/** What the provider told us about the person (ID token and userinfo claims merged). */
export interface ProviderClaims {
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
}

export type SignInOutcome =
  | { kind: 'signedIn'; user: UsersTable }
  /** An account has this email but not this identity: the person must sign in to it with its password once. */
  | { kind: 'linkPending'; token: string }
  | { kind: 'refused'; errorId: ErrorIdValue };

interface ResolveInput {
  provider: OidcProviderSettings;
  claims: ProviderClaims;
  signup: SignupPolicy;
  /** Whether the server sends email: only then can a local account's address have been confirmed. */
  mailer: Pick<Mailer, 'delivers'>;
  invitationToken: string | null;
  locale: Locale;
}

/**
 * Decides who a provider identity is: the account it is linked to; else, when an account has its
 * email, a link that waits for that account's password (an email match alone proves nothing: a
 * provider, or whoever runs it, could assert any address); else a new account if `SIGNUP` allows
 * its verified email. A link is offered only when both sides vouch for the address: the provider
 * (`email_verified`, or the operator's TRUST_EMAIL) and the account (confirmed, or the server sends
 * no email so nobody could confirm). Otherwise the same refusal as an unverified address, which
 * does not say whether an account has it.
 */
export async function resolveIdentity(db: Kysely<DatabaseSchema>, input: ResolveInput): Promise<SignInOutcome> {
  const { provider, claims } = input;
  const linked = await db
    .selectFrom('oidc_identities')
    .innerJoin('users', 'users.id', 'oidc_identities.user_id')
    .selectAll('users')
    .where('oidc_identities.provider', '=', provider.id)
    .where('oidc_identities.subject', '=', claims.sub)
    .executeTakeFirst();
  if (linked) {
    if (linked.disabled_at != null) return { kind: 'refused', errorId: ErrorId.OIDC_ACCOUNT_DISABLED };
    await db
      .updateTable('oidc_identities')
      .set({ last_login_at: Date.now() })
      .where('provider', '=', provider.id)
      .where('subject', '=', claims.sub)
      .execute();
    return { kind: 'signedIn', user: linked };
  }
  const email = emailSchema.safeParse(claims.email);
  const verified = claims.email_verified === true || provider.trustEmail;
  if (!email.success || !verified) return { kind: 'refused', errorId: ErrorId.OIDC_EMAIL_UNVERIFIED };
  const owner = await db
    .selectFrom('users')
    .select(['id', 'email_verified_at'])
    .where('email', '=', email.data)
    .executeTakeFirst();
  if (owner) {
    // An unconfirmed address may have been typed by someone who does not own it.
    if (mustVerify(input.mailer, owner)) return { kind: 'refused', errorId: ErrorId.OIDC_EMAIL_UNVERIFIED };
    return { kind: 'linkPending', token: await offerLink(db, provider.id, claims.sub, owner.id) };
  }
  try {
    await checkSignupAllowed(db, input.signup, email.data, input.invitationToken ?? undefined);
  } catch (error) {
    if (error instanceof ApiError && error.id === ErrorId.SIGNUP_NOT_ALLOWED) {
      return { kind: 'refused', errorId: ErrorId.SIGNUP_NOT_ALLOWED };
    }
    throw error;
  }
  return { kind: 'signedIn', user: await createLinkedAccount(db, provider.id, claims.sub, email.data, input) };
}

/** Links the pending identity whose token the browser holds, if it waits for `userId` and has not lapsed. */
export async function completePendingLink(
  db: Kysely<DatabaseSchema>,
  token: string,
  userId: string,
  now = Date.now(),
): Promise<boolean> {
  const pending = await db
    .deleteFrom('oidc_pending_links')
    .where('token_hash', '=', sha256Hex(token))
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
  if (!pending || Number(pending.expires_at) < now) return false;
  await db
    .insertInto('oidc_identities')
    .values({
      provider: pending.provider,
      subject: pending.subject,
      user_id: userId,
      created_at: now,
      last_login_at: now,
    })
    // Linked meanwhile (a second tab): the identity already belongs somewhere; keep that.
    .onConflict((oc) => oc.columns(['provider', 'subject']).doNothing())
    .execute();
  return true;
}

async function offerLink(
  db: Kysely<DatabaseSchema>,
  provider: string,
  subject: string,
  userId: string,
): Promise<string> {
  const now = Date.now();
  await db.deleteFrom('oidc_pending_links').where('expires_at', '<', now).execute();
  const token = randomId(32);
  await db
    .insertInto('oidc_pending_links')
    .values({ token_hash: sha256Hex(token), user_id: userId, provider, subject, expires_at: now + PENDING_LINK_MS })
    .execute();
  return token;
}

async function createLinkedAccount(
  db: Kysely<DatabaseSchema>,
  provider: string,
  subject: string,
  email: string,
  input: ResolveInput,
): Promise<UsersTable> {
  const now = Date.now();
  const user: UsersTable = {
    id: randomId(12),
    email,
    name: displayName(input.claims, email),
    // A hash of a secret nobody holds: password sign-in is impossible, but costs as long as for any
    // account, until the person sets a password through "forgot password".
    password_hash: await hashPassword(randomId(32)),
    created_at: now,
    locale: input.locale,
    disabled_at: null,
    // The provider vouched for the address (verified, or trusted by the operator's TRUST_EMAIL),
    // so no verification email is needed before the account may create partnerships or get mail.
    email_verified_at: now,
    notify_mode: 'immediate',
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values(user).execute();
    await trx
      .insertInto('oidc_identities')
      .values({ provider, subject, user_id: user.id, created_at: now, last_login_at: now })
      .execute();
  });
  return user;
}

/** The provider's name for the person, else the email's local part, within the app's length. */
function displayName(claims: ProviderClaims, email: string): string {
  const parts = [claims.given_name, claims.family_name].filter((part) => typeof part === 'string');
  const candidates = [claims.name, parts.join(' '), email.slice(0, email.indexOf('@'))];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const cleaned = cleanName(candidate).slice(0, PERSON_NAME_MAX_LENGTH);
    if (cleaned) return cleaned;
  }
  return email.slice(0, PERSON_NAME_MAX_LENGTH);
}

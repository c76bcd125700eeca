import { emailDomainAllowed, type SignupPolicyResponse } from '@samverka/model';
import type { Kysely } from 'kysely';
import type { SignupPolicy } from '../config.ts';
import { ApiError, apiErrors } from '../http/apiErrors.ts';
import { findUsableInvitation } from '../members/invitationCommands.ts';
import type { DatabaseSchema } from '../storage/schema.ts';

/**
 * Refuses a sign-up the policy does not allow. An invitation for this very email always
 * lets its invitee in; its token proves the person holds the link, not just knows the address.
 */
export async function checkSignupAllowed(
  db: Kysely<DatabaseSchema>,
  policy: SignupPolicy,
  email: string,
  invitationToken: string | undefined,
): Promise<void> {
  if (policy.mode === 'open') return;
  if (policy.mode === 'domains' && emailDomainAllowed(email, policy.domains)) return;
  if (invitationToken && (await invitationLetsIn(db, email, invitationToken))) return;
  throw apiErrors.signupNotAllowed();
}

async function invitationLetsIn(db: Kysely<DatabaseSchema>, email: string, token: string): Promise<boolean> {
  try {
    const invitation = await findUsableInvitation(db, token);
    return invitation.email === email;
  } catch (error) {
    // An unknown, used or expired invitation is simply no invitation: the refusal is the policy's.
    if (error instanceof ApiError) return false;
    throw error;
  }
}

/** What the sign-up page may show: the mode, and the domains an address may have in `domains` mode. */
export function presentSignupPolicy(policy: SignupPolicy): SignupPolicyResponse {
  return { mode: policy.mode, domains: policy.domains };
}

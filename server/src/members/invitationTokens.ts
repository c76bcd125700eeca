import { sha256Hex } from '../auth/sessionTokens.ts';
import { randomId } from '../ids.ts';

/** A new one-time invitation token; only `tokenHash` is stored. */
export function generateInvitationToken(): { token: string; tokenHash: string } {
  const token = randomId(32);
  return { token, tokenHash: sha256Hex(token) };
}

/** The stored form of a presented token; malformed tokens hash too and simply match nothing. */
export function hashInvitationToken(token: string): string {
  return sha256Hex(token);
}

/** The link a person opens to accept; it ends in the token. */
export function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/invite/${token}`;
}

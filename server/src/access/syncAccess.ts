import { can } from '../policy/policy.ts';
import type { SyncAuthorization, SyncAuthorizer } from '../sync/syncRoute.ts';
import type { AccessResolver } from './accessResolver.ts';
import { type Credential, credentialOf } from './credential.ts';

/**
 * The sync upgrade's way in, through the same resolver as every HTTP route:
 * the same refusals (401, or one 404 for "not there" and "not yours"), then
 * `edit` allowed → read-write, else read-only. An archived document is
 * read-only for everyone (restoring it is the way back to editing). The
 * answer keeps the credential (the session token, not the request) so the
 * socket can be asked about again after missed rights changes.
 */
export function syncAuthorizer(access: AccessResolver): SyncAuthorizer {
  const decide = async (credential: Credential, documentId: string): Promise<SyncAuthorization> => {
    const { decision } = await access.resolve(credential, { kind: 'document', id: documentId }, 'read');
    if (!decision.granted) return { refuse: decision.refusal.status };
    const { actor, policyTarget, document } = decision.grant;
    const archived = document.archived_at !== null && document.archived_at !== undefined;
    const mode = !archived && can(actor, 'edit', policyTarget).allowed ? 'read-write' : 'read-only';
    return {
      allow: { mode, userId: actor.userId, partnershipId: policyTarget.partnershipId },
      reauthorize: () => decide(credential, documentId),
    };
  };
  return (c, documentId) => decide(credentialOf(c), documentId);
}

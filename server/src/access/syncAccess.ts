import { can } from '../policy/policy.ts';
import type { SyncAuthorizer } from '../sync/syncRoute.ts';
import type { AccessResolver } from './accessResolver.ts';
import { credentialOf } from './credential.ts';

/**
 * The sync upgrade's way in, through the same resolver as every HTTP route:
 * the same refusals (401, or one 404 for "not there" and "not yours"), then
 * `edit` allowed → read-write, else read-only. An archived document is
 * read-only for everyone (restoring it is the way back to editing).
 */
export function syncAuthorizer(access: AccessResolver): SyncAuthorizer {
  return async (c, documentId) => {
    const { decision } = await access.resolve(credentialOf(c), { kind: 'document', id: documentId }, 'read');
    if (!decision.granted) return { refuse: decision.refusal.status };
    const { actor, policyTarget, document } = decision.grant;
    const archived = document.archived_at !== null && document.archived_at !== undefined;
    const mode = !archived && can(actor, 'edit', policyTarget).allowed ? 'read-write' : 'read-only';
    return { allow: { mode, userId: actor.userId, partnershipId: policyTarget.partnershipId } };
  };
}

import type { Action, Role, Side } from '@samverka/model';
import type { Kysely } from 'kysely';
import { apiErrors } from '../http/apiErrors.ts';
import type { DatabaseSchema, DocumentsTable, PartnershipsTable } from '../storage/schema.ts';
import { type Actor, abilitiesOf, can, type PartnershipTarget } from './policy.ts';

/** A partnership loaded for one actor, with the policy's view of it. */
export interface PartnershipAccess {
  partnership: PartnershipsTable;
  target: PartnershipTarget;
}

/** Loads a partnership and the actor's membership; undefined when it does not exist. */
export async function loadPartnershipAccess(
  db: Kysely<DatabaseSchema>,
  actor: Actor | undefined,
  partnershipId: string,
): Promise<PartnershipAccess | undefined> {
  const partnership = await db
    .selectFrom('partnerships')
    .selectAll()
    .where('id', '=', partnershipId)
    .executeTakeFirst();
  if (!partnership) return undefined;
  const membership = actor
    ? await db
        .selectFrom('memberships')
        .select(['role', 'side'])
        .where('partnership_id', '=', partnershipId)
        .where('user_id', '=', actor.userId)
        .executeTakeFirst()
    : undefined;
  return {
    partnership,
    target: {
      kind: 'partnership',
      partnershipId,
      membership: membership ? { role: membership.role as Role, side: membership.side as Side } : undefined,
      archived: partnership.archived_at !== null,
    },
  };
}

/**
 * Loads a partnership and asks the policy. Anonymous: 401. Unknown or not a
 * member: 404, so ids of other partnerships reveal nothing. A member whose role
 * does not allow it: 403, or 409 `partnership_archived` when only the archive stands in the way.
 */
export async function authorizePartnership(
  db: Kysely<DatabaseSchema>,
  actor: Actor | undefined,
  partnershipId: string,
  action: Action,
): Promise<PartnershipAccess> {
  if (!actor) throw apiErrors.unauthenticated();
  const access = await loadPartnershipAccess(db, actor, partnershipId);
  if (!access?.target.membership) throw apiErrors.notFound('No such partnership');
  if (!can(actor, action, access.target)) {
    if (access.target.archived && can(actor, action, { ...access.target, archived: false })) {
      throw apiErrors.partnershipArchived();
    }
    throw apiErrors.forbidden();
  }
  return access;
}

/** Like `authorizePartnership`, for a document id: 404 unless the actor is a member of its partnership. */
export async function authorizeDocument(
  db: Kysely<DatabaseSchema>,
  actor: Actor | undefined,
  documentId: string,
  action: Action,
): Promise<PartnershipAccess & { document: DocumentsTable }> {
  if (!actor) throw apiErrors.unauthenticated();
  const document = await db.selectFrom('documents').selectAll().where('id', '=', documentId).executeTakeFirst();
  if (!document) throw apiErrors.notFound('No such document');
  const access = await authorizePartnership(db, actor, document.partnership_id, action);
  return { ...access, document };
}

export { abilitiesOf };

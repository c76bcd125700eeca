import type { Kysely } from 'kysely';
import { readSessionCookie } from '../auth/sessionCookie.ts';
import type { SessionStore } from '../auth/sessionStore.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import type { SyncAuthorizer } from '../sync/syncRoute.ts';
import { loadPartnershipAccess } from './partnershipAccess.ts';
import { can } from './policy.ts';

/**
 * Authorises a sync upgrade with the same policy as the HTTP routes: no valid
 * session → 401; unknown document or not a member of its partnership → 404;
 * `edit` allowed → read-write, else `read` allowed → read-only.
 */
export function policySyncAuthorizer(db: Kysely<DatabaseSchema>, sessions: SessionStore): SyncAuthorizer {
  return async (c, documentId) => {
    const token = readSessionCookie(c);
    const auth = token ? await sessions.validate(token) : undefined;
    if (!auth) return { refuse: 401 };
    const actor = { userId: auth.user.id };
    const document = await db
      .selectFrom('documents')
      .select('partnership_id')
      .where('id', '=', documentId)
      .executeTakeFirst();
    if (!document) return { refuse: 404 };
    const access = await loadPartnershipAccess(db, actor, document.partnership_id);
    if (!access || !can(actor, 'read', access.target)) return { refuse: 404 };
    const mode = can(actor, 'edit', access.target) ? 'read-write' : 'read-only';
    return { allow: { mode, userId: actor.userId } };
  };
}

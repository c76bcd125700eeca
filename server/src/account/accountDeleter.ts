import type { Kysely } from 'kysely';
import { commitThenPublish, type RightsBus } from '../access/rightsEvents.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { DatabaseSchema, UsersTable } from '../storage/schema.ts';

/**
 * Deletes a person's account after they confirm with their password. Refused while they are the
 * only owner of a partnership (they hand it over first). What they made for a partnership stays
 * with it, authored by nobody: every reference to them becomes null and the client shows
 * "former member" (documents, partnerships, invitations, the audit trail, and later comment
 * messages, whose author column must be nullable for the same reason). Their sessions,
 * memberships, reset tokens and invitations to their address go, and the audit trail's copies of
 * their name and email are blanked. One transaction; the sockets they hold close after it commits.
 */
export async function deleteAccount(
  db: Kysely<DatabaseSchema>,
  rights: RightsBus,
  user: UsersTable,
  password: string,
): Promise<void> {
  if (!(await verifyPassword(user.password_hash, password))) throw apiErrors.wrongPassword();
  await commitThenPublish(db, rights, async (tx) => {
    const soleOwnerships = await tx
      .selectFrom('memberships as mine')
      .select('mine.partnership_id')
      .where('mine.user_id', '=', user.id)
      .where('mine.role', '=', 'owner')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('memberships as other')
              .select('other.user_id')
              .whereRef('other.partnership_id', '=', 'mine.partnership_id')
              .where('other.role', '=', 'owner')
              .where('other.user_id', '!=', user.id),
          ),
        ),
      )
      .execute();
    if (soleOwnerships.length > 0) throw apiErrors.lastOwner();

    await tx.updateTable('documents').set({ edited_by: null }).where('edited_by', '=', user.id).execute();
    // Assets predate nullable authorship (the column is NOT NULL): an empty id names nobody.
    await tx.updateTable('assets').set({ created_by: '' }).where('created_by', '=', user.id).execute();
    await tx.deleteFrom('invitations').where('email', '=', user.email).execute();
    await scrubAuditTrail(tx, user);
    // Events meant for this person alone (their read markers) go with them.
    await tx.deleteFrom('partnership_events').where('recipient_id', '=', user.id).execute();
    // Foreign keys do the rest: sessions, memberships, reset tokens, mentions and read state cascade;
    // authorship (documents, comment threads and messages) is set null: "a former member".
    await tx.deleteFrom('users').where('id', '=', user.id).execute();
    return { result: undefined, change: { reason: 'signedOut', userId: user.id } };
  });
}

/** Blanks the person's id, name and email inside audit details; the events themselves stay. */
async function scrubAuditTrail(tx: Kysely<DatabaseSchema>, user: UsersTable): Promise<void> {
  const rows = await tx
    .selectFrom('audit_events')
    .select(['id', 'details'])
    .where((eb) => eb.or([eb('details', 'like', `%${user.id}%`), eb('details', 'like', `%${user.email}%`)]))
    .execute();
  for (const row of rows) {
    const details = JSON.parse(row.details) as Record<string, unknown>;
    const aboutThem = details.userId === user.id || details.email === user.email;
    if (details.userId === user.id) details.userId = null;
    if (details.email === user.email) details.email = null;
    if (aboutThem && 'name' in details) details.name = null;
    await tx
      .updateTable('audit_events')
      .set({ details: JSON.stringify(details) })
      .where('id', '=', row.id)
      .execute();
  }
}

import type { Kysely, Transaction } from 'kysely';
import { dialectOf } from '../storage/database.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import type { MemberRow } from './memberPresenter.ts';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

function membersQuery(db: Db, partnershipId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.user_id',
      'users.name',
      'users.email',
      'memberships.role',
      'memberships.side',
      'memberships.created_at',
    ])
    .where('memberships.partnership_id', '=', partnershipId);
}

/** Every member of a partnership, longest-standing first. */
export function listMembers(db: Db, partnershipId: string): Promise<MemberRow[]> {
  return membersQuery(db, partnershipId).orderBy('memberships.created_at').orderBy('memberships.user_id').execute();
}

/** One member of a partnership, or undefined. */
export function findMember(db: Db, partnershipId: string, userId: string): Promise<MemberRow | undefined> {
  return membersQuery(db, partnershipId).where('memberships.user_id', '=', userId).executeTakeFirst();
}

/**
 * Revokes the pending invitations of `email` to a partnership. Run when that
 * person is removed (so a second link cannot bring them back) and before they
 * are invited again (so only the newest link works).
 */
export async function revokePendingInvitations(db: Db, partnershipId: string, email: string, now = Date.now()) {
  await db
    .updateTable('invitations')
    .set({ revoked_at: now })
    .where('partnership_id', '=', partnershipId)
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * How many owners a partnership has. On PostgreSQL the owner rows stay locked
 * until the transaction ends: two owners demoting or removing each other at the
 * same moment cannot both pass the last-owner check (READ COMMITTED alone lets
 * them). SQLite runs one writing transaction at a time already.
 */
export async function countOwners(db: Db, partnershipId: string): Promise<number> {
  const owners = db
    .selectFrom('memberships')
    .select('user_id')
    .where('partnership_id', '=', partnershipId)
    .where('role', '=', 'owner');
  const locking = dialectOf(db) === 'postgres';
  return (await (locking ? owners.forUpdate() : owners).execute()).length;
}

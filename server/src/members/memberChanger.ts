import type { Role, Side } from '@samverka/model';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/auditRecorder.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import type { MemberRow } from './memberPresenter.ts';
import { countOwners, findMember, revokePendingInvitations } from './memberQueries.ts';

export interface Doer {
  userId: string;
  side: Side;
}

/** Changes a member's role; the last owner cannot be demoted (409 `last_owner`). */
export async function changeMemberRole(
  db: Kysely<DatabaseSchema>,
  doer: Doer,
  partnershipId: string,
  userId: string,
  role: Role,
): Promise<MemberRow> {
  return db.transaction().execute(async (tx) => {
    const member = await findMember(tx, partnershipId, userId);
    if (!member) throw apiErrors.notFound('No such member');
    if (member.role === role) return member;
    if (member.role === 'owner' && (await countOwners(tx, partnershipId)) <= 1) throw apiErrors.lastOwner();
    await tx
      .updateTable('memberships')
      .set({ role })
      .where('partnership_id', '=', partnershipId)
      .where('user_id', '=', userId)
      .execute();
    await recordAudit(tx, {
      partnershipId,
      type: 'member_role_changed',
      actorUserId: doer.userId,
      actorSide: doer.side,
      details: { userId, name: member.name, from: member.role, to: role },
    });
    return { ...member, role };
  });
}

/** Removes a member, or lets one leave; the last owner cannot go (409 `last_owner`). */
export async function removeMember(
  db: Kysely<DatabaseSchema>,
  doer: Doer,
  partnershipId: string,
  userId: string,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const member = await findMember(tx, partnershipId, userId);
    if (!member) throw apiErrors.notFound('No such member');
    if (member.role === 'owner' && (await countOwners(tx, partnershipId)) <= 1) throw apiErrors.lastOwner();
    await tx
      .deleteFrom('memberships')
      .where('partnership_id', '=', partnershipId)
      .where('user_id', '=', userId)
      .execute();
    await revokePendingInvitations(tx, partnershipId, member.email);
    const leaving = doer.userId === userId;
    await recordAudit(tx, {
      partnershipId,
      type: leaving ? 'member_left' : 'member_removed',
      actorUserId: doer.userId,
      actorSide: doer.side,
      details: { userId, name: member.name, role: member.role, side: member.side },
    });
  });
}

import type { Role, Side } from '@samverka/model';
import type { Kysely } from 'kysely';
import { commitThenPublish, type RightsBus } from '../access/rightsEvents.ts';
import { recordAudit } from '../audit/auditRecorder.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import type { MemberRow } from './memberPresenter.ts';
import { countOwners, findMember, revokePendingInvitations } from './memberQueries.ts';

export interface Doer {
  userId: string;
  side: Side;
}

/** Changes a member's role (the last owner cannot be demoted: 409 `last_owner`); publishes the change. */
export async function changeMemberRole(
  db: Kysely<DatabaseSchema>,
  rights: RightsBus,
  doer: Doer,
  partnershipId: string,
  userId: string,
  role: Role,
): Promise<MemberRow> {
  return commitThenPublish(db, rights, async (tx) => {
    const member = await findMember(tx, partnershipId, userId);
    if (!member) throw apiErrors.notFound();
    if (member.role === role) return { result: member, change: undefined };
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
    return { result: { ...member, role }, change: { reason: 'roleChanged', partnershipId, userId } };
  });
}

/** Removes a member, or lets one leave (the last owner cannot go: 409 `last_owner`); publishes the change. */
export async function removeMember(
  db: Kysely<DatabaseSchema>,
  rights: RightsBus,
  doer: Doer,
  partnershipId: string,
  userId: string,
): Promise<void> {
  await commitThenPublish(db, rights, async (tx) => {
    const member = await findMember(tx, partnershipId, userId);
    if (!member) throw apiErrors.notFound();
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
    return { result: undefined, change: { reason: leaving ? 'left' : 'removed', partnershipId, userId } };
  });
}

import { type CreateInvitationRequest, INVITATION_TTL_DAYS, type Role, type Side } from '@samverka/model';
import type { Kysely } from 'kysely';
import { commitThenPublish, type RightsBus } from '../access/rightsEvents.ts';
import { recordAudit } from '../audit/auditRecorder.ts';
import { apiErrors } from '../http/apiErrors.ts';
import { randomId } from '../ids.ts';
import type { DatabaseSchema, InvitationsTable, UsersTable } from '../storage/schema.ts';
import { generateInvitationToken, hashInvitationToken } from './invitationTokens.ts';
import type { Doer } from './memberChanger.ts';
import { revokePendingInvitations } from './memberQueries.ts';

const INVITATION_TTL_MS = INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000;

/** Invites an email with a role and side; returns the row and the token (shown once, never stored). */
export async function inviteMember(
  db: Kysely<DatabaseSchema>,
  doer: Doer,
  partnershipId: string,
  input: CreateInvitationRequest,
  now = Date.now(),
): Promise<{ invitation: InvitationsTable; token: string }> {
  const alreadyMember = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.id')
    .where('memberships.partnership_id', '=', partnershipId)
    .where('users.email', '=', input.email)
    .executeTakeFirst();
  if (alreadyMember) throw apiErrors.alreadyMember();
  const { token, tokenHash } = generateInvitationToken();
  const invitation: InvitationsTable = {
    id: randomId(12),
    partnership_id: partnershipId,
    email: input.email,
    role: input.role,
    side: input.side,
    token_hash: tokenHash,
    invited_by: doer.userId,
    created_at: now,
    expires_at: now + INVITATION_TTL_MS,
    accepted_at: null,
    accepted_by: null,
    revoked_at: null,
  };
  await db.transaction().execute(async (tx) => {
    await revokePendingInvitations(tx, partnershipId, input.email, now);
    await tx.insertInto('invitations').values(invitation).execute();
    await recordAudit(tx, {
      partnershipId,
      type: 'member_invited',
      actorUserId: doer.userId,
      actorSide: doer.side,
      details: { email: input.email, role: input.role, side: input.side },
    });
  });
  return { invitation, token };
}

/** Finds the invitation a token proves and checks it can still be used. */
export async function findUsableInvitation(
  db: Kysely<DatabaseSchema>,
  token: string,
  now = Date.now(),
): Promise<InvitationsTable> {
  const invitation = await db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', hashInvitationToken(token))
    .executeTakeFirst();
  if (!invitation || invitation.revoked_at !== null) throw apiErrors.invitationNotFound();
  if (invitation.accepted_at !== null) throw apiErrors.invitationUsed();
  if (invitation.expires_at <= now) throw apiErrors.invitationExpired();
  return invitation;
}

/**
 * Accepts an invitation as a signed-in user with the invited email: marks it
 * used (once, even under concurrent accepts) and adds the membership.
 */
export async function acceptInvitation(
  db: Kysely<DatabaseSchema>,
  user: UsersTable,
  token: string,
  now = Date.now(),
): Promise<{ partnershipId: string; role: Role; side: Side }> {
  const invitation = await findUsableInvitation(db, token, now);
  if (invitation.email !== user.email) throw apiErrors.invitationEmailMismatch();
  await db.transaction().execute(async (tx) => {
    const member = await tx
      .selectFrom('memberships')
      .select('user_id')
      .where('partnership_id', '=', invitation.partnership_id)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (member) throw apiErrors.alreadyMember();
    const claimed = await tx
      .updateTable('invitations')
      .set({ accepted_at: now, accepted_by: user.id })
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw apiErrors.invitationUsed();
    await tx
      .insertInto('memberships')
      .values({
        partnership_id: invitation.partnership_id,
        user_id: user.id,
        role: invitation.role,
        side: invitation.side,
        created_at: now,
      })
      .execute();
    await recordAudit(tx, {
      partnershipId: invitation.partnership_id,
      type: 'member_joined',
      actorUserId: user.id,
      actorSide: invitation.side,
      details: { email: user.email, role: invitation.role, side: invitation.side },
    });
  });
  return { partnershipId: invitation.partnership_id, role: invitation.role, side: invitation.side };
}

/** Withdraws a pending invitation of a partnership; 404 when there is none by that id. */
export async function revokeInvitation(
  db: Kysely<DatabaseSchema>,
  rights: RightsBus,
  doer: Doer,
  partnershipId: string,
  invitationId: string,
): Promise<void> {
  await commitThenPublish(db, rights, async (tx) => {
    const invitation = await tx
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', invitationId)
      .where('partnership_id', '=', partnershipId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!invitation) throw apiErrors.notFound();
    await tx.updateTable('invitations').set({ revoked_at: Date.now() }).where('id', '=', invitationId).execute();
    await recordAudit(tx, {
      partnershipId,
      type: 'invitation_revoked',
      actorUserId: doer.userId,
      actorSide: doer.side,
      details: { email: invitation.email, role: invitation.role },
    });
    return { result: undefined, change: { reason: 'invitationRevoked', partnershipId, invitationId } };
  });
}

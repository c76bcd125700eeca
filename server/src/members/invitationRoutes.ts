import {
  type AcceptInvitationResponse,
  acceptInvitationResponseSchema,
  type CreateInvitationResponse,
  createInvitationRequestSchema,
  createInvitationResponseSchema,
  type InvitationPreviewResponse,
  type InvitationsResponse,
  idSchema,
  invitationPreviewResponseSchema,
  invitationsResponseSchema,
  type Role,
  type Side,
} from '@samverka/model';
import { z } from 'zod';
import type { AppServices } from '../appServices.ts';
import { limitAttempts } from '../auth/attemptLimits.ts';
import { actorOf, requireAuth } from '../auth/requestAuth.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { parseJsonBody, parseValue } from '../http/validation.ts';
import { authorizePartnership } from '../policy/partnershipAccess.ts';
import { acceptInvitation, findUsableInvitation, inviteMember, revokeInvitation } from './invitationCommands.ts';
import { invitationUrl } from './invitationTokens.ts';
import { presentInvitation } from './memberPresenter.ts';

/** Invitation tokens are URL-safe; anything else is refused before it reaches storage. */
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);

/** Invite, list pending, revoke; preview and accept by token. */
export function mountInvitationRoutes(router: ApiRouter, services: AppServices): void {
  const { db, config } = services;
  const tag = 'Invitations';

  router.add(
    {
      method: 'post',
      path: '/api/partnerships/:id/invitations',
      tag,
      summary: 'Invite an email with a role and side; the url ends in a one-time token',
      access: 'manageMembers',
      body: createInvitationRequestSchema,
      response: createInvitationResponseSchema,
      status: 201,
    },
    async (c) => {
      const actor = { userId: requireAuth(c).user.id };
      const partnershipId = parseValue(idSchema, c.req.param('id'));
      const { target } = await authorizePartnership(db, actor, partnershipId, 'manageMembers');
      const input = await parseJsonBody(c, createInvitationRequestSchema);
      const side = target.membership?.side ?? 'university';
      const { invitation, token } = await inviteMember(db, { userId: actor.userId, side }, partnershipId, input);
      const body: CreateInvitationResponse = {
        invitation: presentInvitation(invitation),
        url: invitationUrl(config.publicUrl, token),
      };
      return c.json(body, 201);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/partnerships/:id/invitations',
      tag,
      summary: 'Pending invitations',
      access: 'manageMembers',
      response: invitationsResponseSchema,
      status: 200,
    },
    async (c) => {
      const partnershipId = parseValue(idSchema, c.req.param('id'));
      await authorizePartnership(db, actorOf(c), partnershipId, 'manageMembers');
      const rows = await db
        .selectFrom('invitations')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', Date.now())
        .orderBy('created_at', 'desc')
        .execute();
      return c.json({ invitations: rows.map(presentInvitation) } satisfies InvitationsResponse, 200);
    },
  );

  router.add(
    {
      method: 'delete',
      path: '/api/partnerships/:id/invitations/:invitationId',
      tag,
      summary: 'Revoke a pending invitation; its link stops working at once',
      access: 'manageMembers',
      status: 204,
    },
    async (c) => {
      const actor = { userId: requireAuth(c).user.id };
      const partnershipId = parseValue(idSchema, c.req.param('id'));
      const invitationId = parseValue(idSchema, c.req.param('invitationId'));
      const { target } = await authorizePartnership(db, actor, partnershipId, 'manageMembers');
      const side = target.membership?.side ?? 'university';
      await revokeInvitation(db, { userId: actor.userId, side }, partnershipId, invitationId);
      return c.body(null, 204);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/invitations/:token',
      tag,
      summary: 'What an invitation link invites to (for its holder, signed in or not)',
      access: 'invitationHolder',
      response: invitationPreviewResponseSchema,
      status: 200,
    },
    async (c) => {
      limitAttempts(c, services, 'accept', undefined);
      const token = parseToken(c.req.param('token'));
      const invitation = await findUsableInvitation(db, token);
      const partnership = await db
        .selectFrom('partnerships')
        .select('name')
        .where('id', '=', invitation.partnership_id)
        .executeTakeFirstOrThrow();
      const body: InvitationPreviewResponse = {
        partnershipName: partnership.name,
        email: invitation.email,
        role: invitation.role as Role,
        side: invitation.side as Side,
        expiresAt: new Date(invitation.expires_at).toISOString(),
      };
      return c.json(body, 200);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/api/invitations/:token/accept',
      tag,
      summary: 'Accept an invitation, signed in as the invited email',
      access: 'invitationHolder',
      response: acceptInvitationResponseSchema,
      status: 200,
    },
    async (c) => {
      const auth = requireAuth(c);
      limitAttempts(c, services, 'accept', auth.user.id);
      const token = parseToken(c.req.param('token'));
      await parseJsonBody(c, z.strictObject({}));
      const accepted = await acceptInvitation(db, auth.user, token);
      return c.json(accepted satisfies AcceptInvitationResponse, 200);
    },
  );
}

function parseToken(raw: string | undefined): string {
  const parsed = tokenSchema.safeParse(raw);
  if (!parsed.success) throw apiErrors.invitationNotFound();
  return parsed.data;
}

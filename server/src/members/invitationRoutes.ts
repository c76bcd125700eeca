import {
  type AcceptInvitationResponse,
  acceptInvitationResponseSchema,
  type CreateInvitationResponse,
  createInvitationRequestSchema,
  createInvitationResponseSchema,
  INVITATION_TTL_DAYS,
  type InvitationPreviewResponse,
  type InvitationsResponse,
  idSchema,
  invitationPreviewResponseSchema,
  invitationsResponseSchema,
  invitationTokenSchema,
} from '@samverka/model';
import { z } from 'zod';
import { doerOf } from '../access/accessTargets.ts';
import type { AppServices } from '../appServices.ts';
import { limitAttempts } from '../auth/attemptLimits.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { partnershipParams, partnershipTarget } from '../http/pathParams.ts';
import { invitationEmail } from '../mail/emailTemplates.ts';
import type { InvitationsTable, PartnershipsTable } from '../storage/schema.ts';
import { acceptInvitation, findUsableInvitation, inviteMember, revokeInvitation } from './invitationCommands.ts';
import { invitationUrl } from './invitationTokens.ts';
import { presentInvitation } from './memberPresenter.ts';

/** Invitation tokens are URL-safe; anything else is refused before it reaches storage. */
const tokenParams = z.object({ token: invitationTokenSchema });

/**
 * Emails the invitation (without waiting for the SMTP server): in the invitee's language when
 * they already have an account, else in the partnership's. The link is also answered for copying.
 */
async function emailInvitation(
  services: AppServices,
  partnership: PartnershipsTable,
  inviterName: string,
  invitation: InvitationsTable,
  link: string,
): Promise<void> {
  const invitee = await services.db
    .selectFrom('users')
    .select('locale')
    .where('email', '=', invitation.email)
    .executeTakeFirst();
  const locale = invitee?.locale ?? partnership.language;
  const written = invitationEmail(
    locale,
    { partnershipName: partnership.name, inviterName, role: invitation.role, days: INVITATION_TTL_DAYS },
    link,
  );
  services.mailer.sendInBackground({ kind: 'invitation', to: invitation.email, link, ...written });
}

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
      params: partnershipParams,
      access: { action: 'manageMembers', target: partnershipTarget },
      body: createInvitationRequestSchema,
      response: createInvitationResponseSchema,
      status: 201,
    },
    async ({ c, grant, body, identity }) => {
      const { invitation, token } = await inviteMember(db, doerOf(grant), grant.partnership.id, body);
      const url = invitationUrl(config.publicUrl, token);
      await emailInvitation(services, grant.partnership, identity.auth.user.name, invitation, url);
      const answer: CreateInvitationResponse = {
        invitation: presentInvitation(invitation),
        url,
        emailed: services.mailer.delivers,
      };
      return c.json(answer, 201);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/partnerships/:id/invitations',
      tag,
      summary: 'Pending invitations',
      params: partnershipParams,
      access: { action: 'manageMembers', target: partnershipTarget },
      response: invitationsResponseSchema,
      status: 200,
    },
    async ({ c, grant }) => {
      const rows = await db
        .selectFrom('invitations')
        .selectAll()
        .where('partnership_id', '=', grant.partnership.id)
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
      params: z.object({ id: idSchema, invitationId: idSchema }),
      access: {
        action: 'manageMembers',
        target: (params) => ({ kind: 'invitation', id: params.invitationId, partnershipId: params.id }),
      },
      status: 204,
    },
    async ({ c, grant }) => {
      await revokeInvitation(db, services.rights, doerOf(grant), grant.partnership.id, grant.invitation.id);
      return c.body(null, 204);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/invitations/:token',
      tag,
      summary: 'What an invitation link invites to (for its holder, signed in or not)',
      params: tokenParams,
      invalidParams: apiErrors.invitationNotFound,
      access: 'invitationHolder',
      response: invitationPreviewResponseSchema,
      status: 200,
    },
    async ({ c, params }) => {
      await limitAttempts(c, services, 'accept', undefined);
      const invitation = await findUsableInvitation(db, params.token);
      const partnership = await db
        .selectFrom('partnerships')
        .select('name')
        .where('id', '=', invitation.partnership_id)
        .executeTakeFirstOrThrow();
      const answer: InvitationPreviewResponse = {
        partnershipName: partnership.name,
        email: invitation.email,
        role: invitation.role,
        side: invitation.side,
        expiresAt: new Date(invitation.expires_at).toISOString(),
      };
      return c.json(answer, 200);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/api/invitations/:token/accept',
      tag,
      summary: 'Accept an invitation, signed in as the invited email',
      params: tokenParams,
      invalidParams: apiErrors.invitationNotFound,
      access: 'signedInInvitationHolder',
      body: z.strictObject({}),
      response: acceptInvitationResponseSchema,
      status: 200,
    },
    async ({ c, identity, params }) => {
      await limitAttempts(c, services, 'accept', identity.auth.user.id);
      const accepted = await acceptInvitation(db, identity.auth.user, params.token);
      return c.json(accepted satisfies AcceptInvitationResponse, 200);
    },
  );
}

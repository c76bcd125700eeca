import {
  idSchema,
  type MemberResponse,
  type MembersResponse,
  memberResponseSchema,
  membersResponseSchema,
  updateMemberRequestSchema,
} from '@samverka/model';
import type { AppServices } from '../appServices.ts';
import { requireAuth } from '../auth/requestAuth.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { parseJsonBody, parseValue } from '../http/validation.ts';
import { authorizePartnership } from '../policy/partnershipAccess.ts';
import { changeMemberRole, removeMember } from './memberChanger.ts';
import { presentMember } from './memberPresenter.ts';
import { listMembers } from './memberQueries.ts';

/** A partnership's members: list, change role, remove, leave. */
export function mountMemberRoutes(router: ApiRouter, services: AppServices): void {
  const { db } = services;
  const tag = 'Members';

  router.add(
    {
      method: 'get',
      path: '/api/partnerships/:id/members',
      tag,
      summary: 'Members with their role and side',
      access: 'read',
      response: membersResponseSchema,
      status: 200,
    },
    async (c) => {
      const actor = { userId: requireAuth(c).user.id };
      const partnershipId = parseValue(idSchema, c.req.param('id'));
      await authorizePartnership(db, actor, partnershipId, 'read');
      const rows = await listMembers(db, partnershipId);
      return c.json({ members: rows.map(presentMember) } satisfies MembersResponse, 200);
    },
  );

  router.add(
    {
      method: 'patch',
      path: '/api/partnerships/:id/members/:userId',
      tag,
      summary: "Change a member's role (the last owner cannot be demoted)",
      access: 'manageMembers',
      body: updateMemberRequestSchema,
      response: memberResponseSchema,
      status: 200,
    },
    async (c) => {
      const actor = { userId: requireAuth(c).user.id };
      const partnershipId = parseValue(idSchema, c.req.param('id'));
      const userId = parseValue(idSchema, c.req.param('userId'));
      const { target } = await authorizePartnership(db, actor, partnershipId, 'manageMembers');
      const input = await parseJsonBody(c, updateMemberRequestSchema);
      const side = target.membership?.side ?? 'university';
      const member = await changeMemberRole(db, { userId: actor.userId, side }, partnershipId, userId, input.role);
      await services.revokeSockets(userId);
      return c.json({ member: presentMember(member) } satisfies MemberResponse, 200);
    },
  );

  router.add(
    {
      method: 'delete',
      path: '/api/partnerships/:id/members/:userId',
      tag,
      summary: 'Remove a member (owners), or leave (one’s own id); the last owner cannot go',
      access: 'manageMembers',
      status: 204,
    },
    async (c) => {
      const actor = { userId: requireAuth(c).user.id };
      const partnershipId = parseValue(idSchema, c.req.param('id'));
      const userId = parseValue(idSchema, c.req.param('userId'));
      // Leaving is one's own decision; removing someone else is an owner's.
      const action = userId === actor.userId ? 'leave' : 'manageMembers';
      const { target } = await authorizePartnership(db, actor, partnershipId, action);
      const side = target.membership?.side ?? 'university';
      await removeMember(db, { userId: actor.userId, side }, partnershipId, userId);
      await services.revokeSockets(userId);
      return c.body(null, 204);
    },
  );
}

import {
  idSchema,
  type MemberResponse,
  type MembersResponse,
  memberResponseSchema,
  membersResponseSchema,
  updateMemberRequestSchema,
} from '@samverka/model';
import { z } from 'zod';
import { doerOf } from '../access/accessTargets.ts';
import type { AppServices } from '../appServices.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { partnershipParams, partnershipTarget } from '../http/pathParams.ts';
import { changeMemberRole, removeMember } from './memberChanger.ts';
import { presentMember } from './memberPresenter.ts';
import { listMembers } from './memberQueries.ts';

const memberParams = z.object({ id: idSchema, userId: idSchema });

/** A partnership's members: list, change role, remove, leave. */
export function mountMemberRoutes(router: ApiRouter, services: AppServices): void {
  const { db, rights } = services;
  const tag = 'Members';

  router.add(
    {
      method: 'get',
      path: '/api/partnerships/:id/members',
      tag,
      summary: 'Members with their role and side',
      params: partnershipParams,
      access: { action: 'read', target: partnershipTarget },
      response: membersResponseSchema,
      status: 200,
    },
    async ({ c, grant }) => {
      const rows = await listMembers(db, grant.partnership.id);
      return c.json({ members: rows.map(presentMember) } satisfies MembersResponse, 200);
    },
  );

  router.add(
    {
      method: 'patch',
      path: '/api/partnerships/:id/members/:userId',
      tag,
      summary: "Change a member's role (the last owner cannot be demoted)",
      params: memberParams,
      access: { action: 'manageMembers', target: partnershipTarget },
      body: updateMemberRequestSchema,
      response: memberResponseSchema,
      status: 200,
    },
    async ({ c, grant, params, body }) => {
      const member = await changeMemberRole(db, rights, doerOf(grant), grant.partnership.id, params.userId, body.role);
      return c.json({ member: presentMember(member) } satisfies MemberResponse, 200);
    },
  );

  router.add(
    {
      method: 'delete',
      path: '/api/partnerships/:id/members/:userId',
      tag,
      summary: 'Remove a member (owners), or leave (one’s own id); the last owner cannot go',
      params: memberParams,
      // Leaving is one's own decision; removing someone else is an owner's.
      access: { action: 'manageMembers', target: partnershipTarget, own: { param: 'userId', action: 'leave' } },
      status: 204,
    },
    async ({ c, grant, params }) => {
      await removeMember(db, rights, doerOf(grant), grant.partnership.id, params.userId);
      return c.body(null, 204);
    },
  );
}

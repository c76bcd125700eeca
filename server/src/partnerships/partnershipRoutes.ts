import {
  createPartnershipRequestSchema,
  idSchema,
  type PartnershipChangedResponse,
  type PartnershipListItem,
  type PartnershipsResponse,
  type PartnershipView,
  partnershipChangedResponseSchema,
  partnershipsResponseSchema,
  partnershipViewSchema,
  type Role,
  type Side,
  updatePartnershipRequestSchema,
} from '@samverka/model';
import type { AppServices } from '../appServices.ts';
import { requireAuth } from '../auth/requestAuth.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { parseJsonBody, parseValue } from '../http/validation.ts';
import { authorizePartnership, loadPartnershipAccess } from '../policy/partnershipAccess.ts';
import type { PartnershipTarget } from '../policy/policy.ts';
import { createPartnership } from './partnershipCreator.ts';
import { partnershipWarnings, presentPartnership, presentPartnershipView } from './partnershipPresenter.ts';
import { archivePartnership, updatePartnership } from './partnershipUpdater.ts';

/** Create, list, read, rename (or re-phase) and archive partnerships. */
export function mountPartnershipRoutes(router: ApiRouter, services: AppServices): void {
  const { db } = services;
  const tag = 'Partnerships';

  router.add(
    {
      method: 'post',
      path: '/api/partnerships',
      tag,
      summary: 'Create a partnership; the caller becomes its owner on the given side',
      access: 'signedIn',
      body: createPartnershipRequestSchema,
      response: partnershipChangedResponseSchema,
      status: 201,
    },
    async (c) => {
      const auth = requireAuth(c);
      const input = await parseJsonBody(c, createPartnershipRequestSchema);
      const row = await createPartnership(db, services.updateLog, auth.user.id, input);
      const access = await loadPartnershipAccess(db, { userId: auth.user.id }, row.id);
      if (!access) throw new Error('created partnership vanished');
      const view = presentPartnershipView(row, { userId: auth.user.id }, access.target);
      return c.json({ ...view, warnings: partnershipWarnings(row) } satisfies PartnershipChangedResponse, 201);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/partnerships',
      tag,
      summary: "The caller's partnerships",
      access: 'signedIn',
      response: partnershipsResponseSchema,
      status: 200,
    },
    async (c) => {
      const auth = requireAuth(c);
      const actor = { userId: auth.user.id };
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('partnerships', 'partnerships.id', 'memberships.partnership_id')
        .selectAll('partnerships')
        .select(['memberships.role', 'memberships.side'])
        .where('memberships.user_id', '=', auth.user.id)
        .orderBy('partnerships.created_at', 'desc')
        .execute();
      const partnerships: PartnershipListItem[] = rows.map((row) => {
        const target: PartnershipTarget = {
          kind: 'partnership',
          partnershipId: row.id,
          membership: { role: row.role as Role, side: row.side as Side },
          archived: row.archived_at !== null,
        };
        const view = presentPartnershipView(row, actor, target);
        return { ...presentPartnership(row), role: view.role, side: view.side, abilities: view.abilities };
      });
      return c.json({ partnerships } satisfies PartnershipsResponse, 200);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/partnerships/:id',
      tag,
      summary: 'One partnership with the caller’s role and abilities',
      access: 'read',
      response: partnershipViewSchema,
      status: 200,
    },
    async (c) => {
      const actor = { userId: requireAuth(c).user.id };
      const id = parseValue(idSchema, c.req.param('id'));
      const { partnership, target } = await authorizePartnership(db, actor, id, 'read');
      return c.json(presentPartnershipView(partnership, actor, target) satisfies PartnershipView, 200);
    },
  );

  router.add(
    {
      method: 'patch',
      path: '/api/partnerships/:id',
      tag,
      summary: 'Rename a partnership or change its lifecycle phase',
      access: 'managePartnership',
      body: updatePartnershipRequestSchema,
      response: partnershipChangedResponseSchema,
      status: 200,
    },
    async (c) => {
      const auth = requireAuth(c);
      const actor = { userId: auth.user.id };
      const id = parseValue(idSchema, c.req.param('id'));
      const { partnership, target } = await authorizePartnership(db, actor, id, 'managePartnership');
      const input = await parseJsonBody(c, updatePartnershipRequestSchema);
      const side = target.membership?.side ?? 'university';
      const row = await updatePartnership(db, { userId: actor.userId, side }, partnership, input);
      const view = presentPartnershipView(row, actor, target);
      return c.json({ ...view, warnings: partnershipWarnings(row) } satisfies PartnershipChangedResponse, 200);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/api/partnerships/:id/archive',
      tag,
      summary: 'Archive a partnership: its content becomes read-only',
      access: 'managePartnership',
      response: partnershipChangedResponseSchema,
      status: 200,
    },
    async (c) => {
      const auth = requireAuth(c);
      const actor = { userId: auth.user.id };
      const id = parseValue(idSchema, c.req.param('id'));
      const { partnership, target } = await authorizePartnership(db, actor, id, 'managePartnership');
      const side = target.membership?.side ?? 'university';
      const row = await archivePartnership(db, { userId: actor.userId, side }, partnership);
      // Open sockets were authorised for editing; make every member re-authorise (now read-only).
      const members = await db.selectFrom('memberships').select('user_id').where('partnership_id', '=', id).execute();
      for (const member of members) await services.revokeSockets(member.user_id);
      const view = presentPartnershipView(row, actor, { ...target, archived: true });
      return c.json({ ...view, warnings: [] } satisfies PartnershipChangedResponse, 200);
    },
  );
}

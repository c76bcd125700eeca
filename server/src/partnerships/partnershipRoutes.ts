import {
  createPartnershipRequestSchema,
  type PartnershipChangedResponse,
  type PartnershipListItem,
  type PartnershipsResponse,
  type PartnershipView,
  partnershipChangedResponseSchema,
  partnershipsResponseSchema,
  partnershipViewSchema,
  updatePartnershipRequestSchema,
} from '@samverka/model';
import { doerOf } from '../access/accessTargets.ts';
import type { AppServices } from '../appServices.ts';
import { mustVerify } from '../auth/emailVerification.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { partnershipParams, partnershipTarget } from '../http/pathParams.ts';
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
    async ({ c, identity, body }) => {
      // An unconfirmed address (SIGNUP=domains only checked what was typed) may join by invitation, not found a partnership.
      if (mustVerify(services.mailer, identity.auth.user)) throw apiErrors.emailUnverified();
      const row = await createPartnership(db, services.updateLog, identity.actor.userId, body);
      const target: PartnershipTarget = {
        kind: 'partnership',
        partnershipId: row.id,
        membership: { role: 'owner', side: body.side },
        archived: false,
      };
      const view = presentPartnershipView(row, identity.actor, target);
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
    async ({ c, identity: { actor } }) => {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('partnerships', 'partnerships.id', 'memberships.partnership_id')
        .selectAll('partnerships')
        .select(['memberships.role', 'memberships.side'])
        .where('memberships.user_id', '=', actor.userId)
        .orderBy('partnerships.created_at', 'desc')
        .execute();
      const partnerships: PartnershipListItem[] = rows.map((row) => {
        const target: PartnershipTarget = {
          kind: 'partnership',
          partnershipId: row.id,
          membership: { role: row.role, side: row.side },
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
      params: partnershipParams,
      access: { action: 'read', target: partnershipTarget },
      response: partnershipViewSchema,
      status: 200,
    },
    ({ c, grant }) =>
      c.json(presentPartnershipView(grant.partnership, grant.actor, grant.policyTarget) satisfies PartnershipView, 200),
  );

  router.add(
    {
      method: 'patch',
      path: '/api/partnerships/:id',
      tag,
      summary: 'Rename a partnership or change its lifecycle phase',
      params: partnershipParams,
      access: { action: 'managePartnership', target: partnershipTarget },
      body: updatePartnershipRequestSchema,
      response: partnershipChangedResponseSchema,
      status: 200,
    },
    async ({ c, grant, body }) => {
      const row = await updatePartnership(db, doerOf(grant), grant.partnership, body);
      const view = presentPartnershipView(row, grant.actor, grant.policyTarget);
      return c.json({ ...view, warnings: partnershipWarnings(row) } satisfies PartnershipChangedResponse, 200);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/api/partnerships/:id/archive',
      tag,
      summary: 'Archive a partnership: its content becomes read-only',
      params: partnershipParams,
      access: { action: 'managePartnership', target: partnershipTarget },
      response: partnershipChangedResponseSchema,
      status: 200,
    },
    async ({ c, grant }) => {
      const row = await archivePartnership(db, services.rights, doerOf(grant), grant.partnership);
      const view = presentPartnershipView(row, grant.actor, { ...grant.policyTarget, archived: true });
      return c.json({ ...view, warnings: [] } satisfies PartnershipChangedResponse, 200);
    },
  );
}

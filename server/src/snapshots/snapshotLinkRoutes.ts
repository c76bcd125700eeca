import {
  createSnapshotLinkRequestSchema,
  idSchema,
  SHARED_SNAPSHOT_PATH_PREFIX,
  type SharedSnapshotResponse,
  type SnapshotLinkCreatedResponse,
  type SnapshotLinksResponse,
  sharedSnapshotResponseSchema,
  shareTokenSchema,
  snapshotLinkCreatedResponseSchema,
  snapshotLinksResponseSchema,
} from '@samverka/model';
import { z } from 'zod';
import type { AppServices } from '../appServices.ts';
import { assetAnswer } from '../assets/assetRoutes.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { spendSnapshotBudget } from './snapshotBudget.ts';
import { createLink, revokeLink } from './snapshotCommands.ts';
import { documentStateResponse } from './snapshotDocumentResponse.ts';
import { listLinks, presentLink, sharedSnapshotDetail, snapshotDocumentState } from './snapshotQueries.ts';
import { snapshotParams, snapshotTarget } from './snapshotRoutes.ts';

const sharedParams = z.object({ token: shareTokenSchema });

/**
 * Share links: owners and editors create, list and revoke them (list and revoke
 * also in an archived partnership, which must be able to stop its links); a holder reads
 * the one snapshot with `/api/shared/:token` (no account). The token is the
 * credential, resolved by the access resolver and the policy on every request.
 */
export function mountSnapshotLinkRoutes(router: ApiRouter, services: AppServices): void {
  const { db, config } = services;
  const tag = 'Snapshots';

  router.add(
    {
      method: 'post',
      path: '/api/snapshots/:snapshotId/links',
      tag,
      summary: 'Create a share link, optionally expiring; the URL (with the token) is shown this once',
      params: snapshotParams,
      access: { action: 'createSnapshot', target: snapshotTarget },
      body: createSnapshotLinkRequestSchema,
      response: snapshotLinkCreatedResponseSchema,
      status: 201,
    },
    async ({ c, grant, body, identity }) => {
      await spendSnapshotBudget(c, services, grant.actor.userId);
      const { link, token } = await createLink(db, grant, body.expiresAt);
      const url = `${config.publicUrl}${SHARED_SNAPSHOT_PATH_PREFIX}${token}`;
      return c.json(
        { link: presentLink(link, identity.auth.user.name, Date.now()), url } satisfies SnapshotLinkCreatedResponse,
        201,
      );
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/snapshots/:snapshotId/links',
      tag,
      summary: "A snapshot's share links, newest first, revoked and expired ones too (never their tokens)",
      params: snapshotParams,
      access: { action: 'manageSnapshotLinks', target: snapshotTarget },
      response: snapshotLinksResponseSchema,
      status: 200,
    },
    async ({ c, grant }) => {
      return c.json({ links: await listLinks(db, grant.snapshot.id) } satisfies SnapshotLinksResponse, 200);
    },
  );

  router.add(
    {
      method: 'delete',
      path: '/api/snapshots/:snapshotId/links/:linkId',
      tag,
      summary: 'Revoke a share link: its next request answers 404',
      params: snapshotParams.extend({ linkId: idSchema }),
      access: { action: 'manageSnapshotLinks', target: snapshotTarget },
      status: 204,
    },
    async ({ c, grant, params }) => {
      await revokeLink(db, grant, params.linkId);
      return c.body(null, 204);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/shared/:token',
      tag,
      summary:
        'The snapshot a share link opens, for its holder without an account (no internal ids); 404 once revoked or expired',
      params: sharedParams,
      invalidParams: apiErrors.notFound,
      access: 'shareLinkHolder',
      response: sharedSnapshotResponseSchema,
      status: 200,
    },
    async ({ c, grant }) => {
      return c.json((await sharedSnapshotDetail(db, grant.snapshot)) satisfies SharedSnapshotResponse, 200);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/shared/:token/documents/:documentId',
      tag,
      summary: 'A document of the shared snapshot as it was (the stored Yjs update)',
      params: sharedParams.extend({ documentId: idSchema }),
      invalidParams: apiErrors.notFound,
      access: 'shareLinkHolder',
      status: 200,
    },
    async ({ c, grant, params }) => {
      const state = await snapshotDocumentState(db, grant.snapshot.id, params.documentId);
      if (!state) throw apiErrors.notFound();
      return documentStateResponse(c, state);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/shared/:token/assets/:assetId',
      tag,
      summary:
        "An image or video the shared snapshot's canvases show (an upload of its partnership that one of them names); 404 for any other",
      params: sharedParams.extend({ assetId: idSchema }),
      invalidParams: apiErrors.notFound,
      access: 'shareLinkHolder',
      status: 200,
    },
    ({ c, grant }) => {
      // The router asked the policy about the path's asset; a grant without it is a bug, not a visitor.
      if (!grant.asset) throw new Error('a shared asset route was granted without its asset');
      return assetAnswer(c, grant.asset);
    },
  );
}

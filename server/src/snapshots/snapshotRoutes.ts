import {
  type AcknowledgementResponse,
  acknowledgementResponseSchema,
  COMPARE_WITH_NOW,
  compareQuerySchema,
  createSnapshotRequestSchema,
  idSchema,
  renameSnapshotRequestSchema,
  type SnapshotDetailResponse,
  type SnapshotResponse,
  type SnapshotsResponse,
  snapshotComparisonSchema,
  snapshotDetailResponseSchema,
  snapshotResponseSchema,
  snapshotsResponseSchema,
} from '@samverka/model';
import { z } from 'zod';
import type { AppServices } from '../appServices.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { partnershipParams, partnershipTarget } from '../http/pathParams.ts';
import { parseValue } from '../http/validation.ts';
import { spendSnapshotBudget } from './snapshotBudget.ts';
import { acknowledgeSnapshot, deleteSnapshot, renameSnapshot } from './snapshotCommands.ts';
import { compareSnapshot } from './snapshotComparer.ts';
import { createSnapshot } from './snapshotCreator.ts';
import { documentStateResponse } from './snapshotDocumentResponse.ts';
import {
  acknowledgementsOf,
  listSnapshots,
  presentOne,
  snapshotDetail,
  snapshotDocumentState,
} from './snapshotQueries.ts';

/** `/api/snapshots/:snapshotId/...` */
export const snapshotParams = z.object({ snapshotId: idSchema });
/** The snapshot a `/api/snapshots/:snapshotId/...` path names, as an access target. */
export const snapshotTarget = (params: { snapshotId: string }) => ({
  kind: 'snapshot' as const,
  id: params.snapshotId,
});

/** Members' snapshot routes: create, list, read, rename, delete, document states, compare, acknowledge. */
export function mountSnapshotRoutes(router: ApiRouter, services: AppServices): void {
  const { db, rooms } = services;
  const tag = 'Snapshots';

  router.add(
    {
      method: 'post',
      path: '/api/partnerships/:id/snapshots',
      tag,
      summary: 'Freeze every document, the register and the thread counts under a name',
      params: partnershipParams,
      access: { action: 'createSnapshot', target: partnershipTarget },
      body: createSnapshotRequestSchema,
      response: snapshotResponseSchema,
      status: 201,
    },
    async ({ c, grant, body }) => {
      await spendSnapshotBudget(c, services, grant.actor.userId);
      const row = await createSnapshot(
        { ...services, maxPerPartnership: services.config.snapshots.maxPerPartnership },
        grant,
        body.name,
      );
      return c.json({ snapshot: await presentOne(db, row) } satisfies SnapshotResponse, 201);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/partnerships/:id/snapshots',
      tag,
      summary: "A partnership's snapshots, latest first, with who acknowledged each",
      params: partnershipParams,
      access: { action: 'read', target: partnershipTarget },
      response: snapshotsResponseSchema,
      status: 200,
    },
    async ({ c, grant }) => {
      return c.json({ snapshots: await listSnapshots(db, grant.partnership.id) } satisfies SnapshotsResponse, 200);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/snapshots/:snapshotId',
      tag,
      summary: 'A snapshot, the partnership as it was, and its documents',
      params: snapshotParams,
      access: { action: 'read', target: snapshotTarget },
      response: snapshotDetailResponseSchema,
      status: 200,
    },
    async ({ c, grant }) => {
      return c.json((await snapshotDetail(db, grant.snapshot, true)) satisfies SnapshotDetailResponse, 200);
    },
  );

  router.add(
    {
      method: 'patch',
      path: '/api/snapshots/:snapshotId',
      tag,
      summary: 'Rename a snapshot (owners)',
      params: snapshotParams,
      access: { action: 'manageSnapshots', target: snapshotTarget },
      body: renameSnapshotRequestSchema,
      response: snapshotResponseSchema,
      status: 200,
    },
    async ({ c, grant, body }) => {
      await spendSnapshotBudget(c, services, grant.actor.userId);
      const row = await renameSnapshot(services, grant, body.name);
      return c.json({ snapshot: await presentOne(db, row) } satisfies SnapshotResponse, 200);
    },
  );

  router.add(
    {
      method: 'delete',
      path: '/api/snapshots/:snapshotId',
      tag,
      summary: 'Delete a snapshot, its stored states and its share links (owners)',
      params: snapshotParams,
      access: { action: 'manageSnapshots', target: snapshotTarget },
      status: 204,
    },
    async ({ c, grant }) => {
      await deleteSnapshot(services, grant);
      return c.body(null, 204);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/snapshots/:snapshotId/documents/:documentId',
      tag,
      summary: 'A document as it was: the stored Yjs update (Y.encodeStateAsUpdate), application/octet-stream',
      params: snapshotParams.extend({ documentId: idSchema }),
      access: { action: 'read', target: snapshotTarget },
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
      path: '/api/snapshots/:snapshotId/compare',
      tag,
      summary: 'What changed since the snapshot: with another snapshot (?with=<id>) or with now (?with=now)',
      params: snapshotParams,
      access: { action: 'read', target: snapshotTarget },
      query: compareQuerySchema,
      response: snapshotComparisonSchema,
      status: 200,
    },
    async ({ c, grant }) => {
      const query = parseValue(compareQuerySchema, c.req.query());
      // With now loads every document of the partnership; with another snapshot reads stored rows only.
      if (query.with === COMPARE_WITH_NOW) await spendSnapshotBudget(c, services, grant.actor.userId);
      return c.json(await compareSnapshot(db, rooms, grant, query.with), 200);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/api/snapshots/:snapshotId/acknowledgements',
      tag,
      summary: 'Acknowledge a snapshot ("reviewed by"); any member, once',
      params: snapshotParams,
      access: { action: 'acknowledgeSnapshot', target: snapshotTarget },
      response: acknowledgementResponseSchema,
      status: 201,
    },
    async ({ c, grant }) => {
      await acknowledgeSnapshot(services, grant);
      const acknowledgements = (await acknowledgementsOf(db, [grant.snapshot.id])).get(grant.snapshot.id) ?? [];
      const mine = acknowledgements.find((a) => a.userId === grant.actor.userId);
      if (!mine) throw apiErrors.notFound();
      return c.json({ acknowledgement: mine, acknowledgements } satisfies AcknowledgementResponse, 201);
    },
  );
}

import {
  createDocumentRequestSchema,
  type DocumentResponse,
  type DocumentsResponse,
  documentResponseSchema,
  documentsResponseSchema,
  type TextTemplate,
  templateFits,
} from '@samverka/model';
import type { AppServices } from '../appServices.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { partnershipParams, partnershipTarget } from '../http/pathParams.ts';
import { createDocument } from './documentCreator.ts';
import { presentDocument } from './documentPresenter.ts';
import { listDocuments } from './documentQueries.ts';

/** A partnership's documents: list and create. */
export function mountDocumentRoutes(router: ApiRouter, services: AppServices): void {
  const { db } = services;
  const tag = 'Documents';

  router.add(
    {
      method: 'get',
      path: '/api/partnerships/:id/documents',
      tag,
      summary: "The partnership's documents",
      params: partnershipParams,
      access: { action: 'read', target: partnershipTarget },
      response: documentsResponseSchema,
      status: 200,
    },
    async ({ c, grant }) => {
      const rows = await listDocuments(db, grant.partnership.id);
      return c.json({ documents: rows.map(presentDocument) } satisfies DocumentsResponse, 200);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/api/partnerships/:id/documents',
      tag,
      summary: 'Create a canvas or text document, optionally from a template',
      params: partnershipParams,
      access: { action: 'edit', target: partnershipTarget },
      body: createDocumentRequestSchema,
      response: documentResponseSchema,
      status: 201,
    },
    async ({ c, grant, body, identity }) => {
      if (body.template && !templateFits(body.kind, body.template)) throw apiErrors.templateNotApplicable();
      const row = await createDocument(db, services.updateLog, {
        partnershipId: grant.partnership.id,
        kind: body.kind,
        title: body.title,
        createdBy: grant.actor.userId,
        language: grant.partnership.language,
        textTemplate: body.kind === 'text' ? (body.template as TextTemplate | undefined) : undefined,
        canvasTemplate: body.kind === 'canvas' && body.template === 'partnership-canvas',
      });
      return c.json(
        { document: presentDocument({ ...row, editor_name: identity.auth.user.name }) } satisfies DocumentResponse,
        201,
      );
    },
  );
}

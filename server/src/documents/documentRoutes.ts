import {
  createDocumentRequestSchema,
  type DocumentResponse,
  type DocumentsResponse,
  documentResponseSchema,
  documentsResponseSchema,
  idSchema,
  type PartnershipLanguage,
  type TextTemplate,
  templateFits,
} from '@samverka/model';
import type { AppServices } from '../appServices.ts';
import { actorOf, requireAuth } from '../auth/requestAuth.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { parseJsonBody, parseValue } from '../http/validation.ts';
import { authorizePartnership } from '../policy/partnershipAccess.ts';
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
      access: 'read',
      response: documentsResponseSchema,
      status: 200,
    },
    async (c) => {
      const partnershipId = parseValue(idSchema, c.req.param('id'));
      await authorizePartnership(db, actorOf(c), partnershipId, 'read');
      const rows = await listDocuments(db, partnershipId);
      return c.json({ documents: rows.map(presentDocument) } satisfies DocumentsResponse, 200);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/api/partnerships/:id/documents',
      tag,
      summary: 'Create a canvas or text document, optionally from a template',
      access: 'edit',
      body: createDocumentRequestSchema,
      response: documentResponseSchema,
      status: 201,
    },
    async (c) => {
      const auth = requireAuth(c);
      const partnershipId = parseValue(idSchema, c.req.param('id'));
      const { partnership } = await authorizePartnership(db, actorOf(c), partnershipId, 'edit');
      const input = await parseJsonBody(c, createDocumentRequestSchema);
      if (input.template && !templateFits(input.kind, input.template)) throw apiErrors.templateNotApplicable();
      const row = await createDocument(db, services.updateLog, {
        partnershipId,
        kind: input.kind,
        title: input.title,
        createdBy: auth.user.id,
        language: partnership.language as PartnershipLanguage,
        textTemplate: input.kind === 'text' ? (input.template as TextTemplate | undefined) : undefined,
        canvasTemplate: input.kind === 'canvas' && input.template === 'partnership-canvas',
      });
      return c.json(
        { document: presentDocument({ ...row, editor_name: auth.user.name }) } satisfies DocumentResponse,
        201,
      );
    },
  );
}

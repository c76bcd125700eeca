import {
  type DocumentResponse,
  documentResponseSchema,
  idSchema,
  type Side,
  updateDocumentRequestSchema,
} from '@samverka/model';
import type { AppServices } from '../appServices.ts';
import { actorOf } from '../auth/requestAuth.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { parseJsonBody, parseValue } from '../http/validation.ts';
import { authorizeDocument } from '../policy/partnershipAccess.ts';
import { deleteDocument, updateDocument } from './documentChanger.ts';
import { presentDocument } from './documentPresenter.ts';
import { findDocument } from './documentQueries.ts';

/** Rename, archive and restore (editors), delete (owners) one document. */
export function mountDocumentManagementRoutes(router: ApiRouter, services: AppServices): void {
  const { db } = services;
  const tag = 'Documents';

  router.add(
    {
      method: 'patch',
      path: '/api/documents/:documentId',
      tag,
      summary: 'Rename a document, or archive (archived: true) or restore (archived: false) it',
      access: 'edit',
      body: updateDocumentRequestSchema,
      response: documentResponseSchema,
      status: 200,
    },
    async (c) => {
      const documentId = parseValue(idSchema, c.req.param('documentId'));
      const actor = actorOf(c);
      const { document, target } = await authorizeDocument(db, actor, documentId, 'edit');
      const change = await parseJsonBody(c, updateDocumentRequestSchema);
      const side = (target.membership?.side ?? null) as Side | null;
      await updateDocument(db, document, { userId: actor?.userId as string, side }, change);
      const row = await findDocument(db, documentId);
      if (!row) throw apiErrors.notFound('No such document');
      return c.json({ document: presentDocument(row) } satisfies DocumentResponse, 200);
    },
  );

  router.add(
    {
      method: 'delete',
      path: '/api/documents/:documentId',
      tag,
      summary: 'Delete a document and everything stored for it (owners)',
      access: 'managePartnership',
      status: 204,
    },
    async (c) => {
      const documentId = parseValue(idSchema, c.req.param('documentId'));
      const actor = actorOf(c);
      const { document, target } = await authorizeDocument(db, actor, documentId, 'managePartnership');
      const side = (target.membership?.side ?? null) as Side | null;
      await deleteDocument(db, document, { userId: actor?.userId as string, side }, services.closeDocumentSockets);
      return c.body(null, 204);
    },
  );
}

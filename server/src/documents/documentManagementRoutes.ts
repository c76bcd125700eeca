import { CloseCode, type DocumentResponse, documentResponseSchema, updateDocumentRequestSchema } from '@samverka/model';
import { doerOf } from '../access/accessTargets.ts';
import type { AppServices } from '../appServices.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { documentParams, documentTarget } from '../http/pathParams.ts';
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
      params: documentParams,
      access: { action: 'edit', target: documentTarget },
      body: updateDocumentRequestSchema,
      response: documentResponseSchema,
      status: 200,
    },
    async ({ c, grant, body }) => {
      await updateDocument(db, grant.document, doerOf(grant), body);
      // Archived documents are read-only over sync: open sockets reconnect and are authorised anew.
      if (body.archived !== undefined) await services.rooms.closeDocument(grant.document.id, CloseCode.REAUTHORIZE);
      const row = await findDocument(db, grant.document.id);
      if (!row) throw apiErrors.notFound();
      return c.json({ document: presentDocument(row) } satisfies DocumentResponse, 200);
    },
  );

  router.add(
    {
      method: 'delete',
      path: '/api/documents/:documentId',
      tag,
      summary: 'Delete a document and everything stored for it (owners)',
      params: documentParams,
      access: { action: 'managePartnership', target: documentTarget },
      status: 204,
    },
    async ({ c, grant }) => {
      await deleteDocument(db, grant.document, doerOf(grant), (id) => services.rooms.closeDocument(id));
      return c.body(null, 204);
    },
  );
}

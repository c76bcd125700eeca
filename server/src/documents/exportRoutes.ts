import { exportQuerySchema } from '@samverka/model';
import type { AppServices } from '../appServices.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { documentParams, documentTarget } from '../http/pathParams.ts';
import { parseValue } from '../http/validation.ts';
import { exportTextDocument } from './export/documentExporter.ts';

/** `GET /api/documents/:documentId/export?format=md|html`: a text document rendered on the server. */
export function mountExportRoutes(router: ApiRouter, services: AppServices): void {
  router.add(
    {
      method: 'get',
      path: '/api/documents/:documentId/export',
      tag: 'Documents',
      summary: 'A text document as Markdown (GitHub-flavoured) or HTML, from its stored state',
      params: documentParams,
      access: { action: 'read', target: documentTarget },
      query: exportQuerySchema,
      status: 200,
    },
    async ({ c, grant }) => {
      const { format } = parseValue(exportQuerySchema, c.req.query());
      if (grant.document.kind !== 'text') throw apiErrors.exportNotAvailable();
      const rendered = await exportTextDocument(services.db, services.updateLog, grant, format);
      const extension = format === 'md' ? 'md' : 'html';
      return c.body(rendered.body, 200, {
        'content-type': rendered.contentType,
        'content-disposition': `inline; filename="${grant.document.id}.${extension}"`,
        'cache-control': 'no-store',
      });
    },
  );
}

import { idSchema } from '@samverka/model';
import { z } from 'zod';

/** `/api/partnerships/:id/...` */
export const partnershipParams = z.object({ id: idSchema });

/** The partnership a `/api/partnerships/:id/...` path names, as an access target. */
export const partnershipTarget = (params: { id: string }) => ({ kind: 'partnership' as const, id: params.id });

/** `/api/documents/:documentId/...` */
export const documentParams = z.object({ documentId: idSchema });

/** The document a `/api/documents/:documentId/...` path names, as an access target. */
export const documentTarget = (params: { documentId: string }) => ({
  kind: 'document' as const,
  id: params.documentId,
});

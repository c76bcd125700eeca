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

/** `/api/threads/:threadId/...` */
export const threadParams = z.object({ threadId: idSchema });

/** The comment thread a `/api/threads/:threadId/...` path names, as an access target. */
export const threadTarget = (params: { threadId: string }) => ({ kind: 'thread' as const, id: params.threadId });

/** `/api/messages/:messageId` */
export const messageParams = z.object({ messageId: idSchema });

/** The comment message a `/api/messages/:messageId` path names, as an access target. */
export const messageTarget = (params: { messageId: string }) => ({ kind: 'message' as const, id: params.messageId });

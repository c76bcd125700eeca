import type {
  CreateThreadRequest,
  InboxResponse,
  MessageResponse,
  ThreadAnchor,
  ThreadResponse,
  ThreadsResponse,
} from '@samverka/model';
import { api } from '../api/apiClient.ts';

/** The comment routes of ../shared/docs/api.md, typed by the model's contract. */
export const commentsApi = {
  threads: (partnershipId: string) => api.get<ThreadsResponse>(`/api/partnerships/${partnershipId}/threads`),
  createThread: (partnershipId: string, anchor: ThreadAnchor, body: string) =>
    api.post<ThreadResponse>(`/api/partnerships/${partnershipId}/threads`, {
      anchor,
      body,
    } satisfies CreateThreadRequest),
  reply: (threadId: string, body: string) => api.post<MessageResponse>(`/api/threads/${threadId}/messages`, { body }),
  edit: (messageId: string, body: string) => api.patch<MessageResponse>(`/api/messages/${messageId}`, { body }),
  remove: (messageId: string) => api.delete<MessageResponse>(`/api/messages/${messageId}`),
  resolve: (threadId: string) => api.post<ThreadResponse>(`/api/threads/${threadId}/resolve`),
  reopen: (threadId: string) => api.post<ThreadResponse>(`/api/threads/${threadId}/reopen`),
  read: (threadId: string) => api.post<unknown>(`/api/threads/${threadId}/read`),
  readAll: (partnershipId: string) => api.post<unknown>(`/api/partnerships/${partnershipId}/threads/read`),
  inbox: () => api.get<InboxResponse>('/api/inbox'),
  readInbox: () => api.post<unknown>('/api/inbox/read'),
};

/** One string per anchor, for maps and DOM lookups (`data-anchor-key`). */
export function anchorKey(anchor: ThreadAnchor): string {
  switch (anchor.type) {
    case 'partnership':
      return 'partnership';
    case 'goal':
      return `goal:${anchor.goalId}`;
    case 'risk':
      return `risk:${anchor.riskId}`;
    case 'shape':
      return `shape:${anchor.documentId}:${anchor.shapeId}`;
    case 'text':
      return `text:${anchor.documentId}:${anchor.start}`;
  }
}

/** Thread links are built by the model, so the server's notification emails link to the same pages. */
export { anchorPagePath, threadLink } from '@samverka/model';

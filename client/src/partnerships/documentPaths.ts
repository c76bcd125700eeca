import type { DocumentSummary } from '@samverka/model';

/** Where each kind of document opens: boards, text documents, and the register's goals page. */
export function documentPath(partnershipId: string, doc: Pick<DocumentSummary, 'id' | 'kind'>): string {
  if (doc.kind === 'canvas') return `/p/${partnershipId}/canvas/${doc.id}`;
  if (doc.kind === 'text') return `/p/${partnershipId}/docs/${doc.id}`;
  return `/p/${partnershipId}/goals`;
}

import type { DocumentsResponse } from '@samverka/model';
import { useApiResource } from '../api/useApiResource.ts';
import { usePartnership } from './PartnershipContext.tsx';
import { documentsApiPath } from './partnershipApiPaths.ts';

/** A document's own title from its partnership's list, or `fallback` until it is known. */
export function useDocumentTitle(documentId: string, fallback: string): string {
  const { partnership } = usePartnership();
  const { data } = useApiResource<DocumentsResponse>(documentsApiPath(partnership.id));
  return data?.documents.find((d) => d.id === documentId)?.title ?? fallback;
}

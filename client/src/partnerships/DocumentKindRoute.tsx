import type { DocumentKind, DocumentsResponse } from '@samverka/model';
import { type ReactNode, useEffect } from 'react';
import { Navigate, useParams } from 'react-router';
import { useApiResource } from '../api/useApiResource.ts';
import { Skeleton } from '../ui/index.ts';
import { documentPath } from './documentPaths.ts';
import { usePartnership } from './PartnershipContext.tsx';

/**
 * Opens a document only on the page for its kind: a text document's id under
 * `/canvas/…` (or a register id anywhere) is sent to where it lives instead of
 * an empty editor of the wrong kind. Unknown ids are left to the page itself.
 */
export function DocumentKindRoute({
  kind,
  preload,
  children,
}: {
  kind: DocumentKind;
  /** Starts loading the editor's code while the kind is checked. */
  preload?: () => Promise<unknown>;
  children: ReactNode;
}) {
  const { docId = '' } = useParams();
  useEffect(() => {
    preload?.().catch(() => undefined);
  }, [preload]);
  const { partnership } = usePartnership();
  const { data, error } = useApiResource<DocumentsResponse>(`/api/partnerships/${partnership.id}/documents`);
  if (!data && !error) {
    return (
      <div className="page">
        <Skeleton />
      </div>
    );
  }
  const doc = data?.documents.find((d) => d.id === docId);
  if (doc && doc.kind !== kind) return <Navigate to={documentPath(partnership.id, doc)} replace />;
  return <>{children}</>;
}

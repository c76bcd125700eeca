import type { DocumentKind, DocumentsResponse } from '@samverka/model';
import { type ReactNode, useEffect } from 'react';
import { useApiResource } from '../api/useApiResource.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, Navigate, useParams } from '../router/router.tsx';
import { Skeleton } from '../ui/index.ts';
import { documentPath } from './documentPaths.ts';
import { usePartnership } from './PartnershipContext.tsx';
import { documentsApiPath } from './partnershipApiPaths.ts';

/**
 * Opens a document only on the page for its kind: a text document's id under
 * `/canvas/…` (or a register id anywhere) is sent to where it lives instead of
 * an empty editor of the wrong kind. An unknown or foreign id gets "not found"
 * at once and no socket is ever opened (the server would refuse it for good and
 * the provider would keep retrying). When the list cannot be loaded at all
 * (offline), the page opens from the browser's own copy.
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
  const { data, error } = useApiResource<DocumentsResponse>(documentsApiPath(partnership.id));
  if (data) {
    const doc = data.documents.find((d) => d.id === docId);
    if (!doc) return <DocumentNotFound partnershipId={partnership.id} />;
    if (doc.kind !== kind) return <Navigate to={documentPath(partnership.id, doc)} replace />;
    return <>{children}</>;
  }
  if (error && (error.status === 404 || error.status === 401)) {
    return <DocumentNotFound partnershipId={partnership.id} />;
  }
  if (error) return <>{children}</>;
  return (
    <div className="page">
      <Skeleton />
    </div>
  );
}

function DocumentNotFound({ partnershipId }: { partnershipId: string }) {
  const { t } = useI18n();
  return (
    <div className="page" data-testid="document-not-found">
      <h1>{t('document.notFoundHeading')}</h1>
      <p>{t('document.notFound')}</p>
      <Link to={`/p/${partnershipId}`}>{t('document.backToDocuments')}</Link>
    </div>
  );
}

import type { DocumentKind, DocumentSummary, DocumentsResponse } from '@samverka/model';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useApiResource } from '../api/useApiResource.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { usePartnership } from './PartnershipContext.tsx';

/**
 * Shows a document page only for a document of this partnership and kind, so an
 * unknown or foreign id gets "not found" at once and no socket is ever opened
 * (the server would refuse it for good, and the provider would keep retrying).
 * When the list cannot be loaded at all (offline), the page opens from the
 * browser's own copy.
 */
export function DocumentGate(props: {
  documentId: string;
  kind: DocumentKind;
  children: (document: DocumentSummary | undefined) => ReactNode;
}) {
  const { t } = useI18n();
  const { partnership } = usePartnership();
  const { data, error } = useApiResource<DocumentsResponse>(`/api/partnerships/${partnership.id}/documents`);
  if (data) {
    const document = data.documents.find((d) => d.id === props.documentId && d.kind === props.kind);
    if (!document) return <DocumentNotFound partnershipId={partnership.id} />;
    return <>{props.children(document)}</>;
  }
  if (error && (error.status === 404 || error.status === 401))
    return <DocumentNotFound partnershipId={partnership.id} />;
  if (error) return <>{props.children(undefined)}</>;
  return <p className="loading">{t('loading')}</p>;
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

import type { DocumentSummary, DocumentsResponse } from '@samverka/model';
import { Link } from 'react-router';
import { useApiResource } from '../api/useApiResource.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormAlert } from '../shell/forms.tsx';
import { CreateDocumentForm } from './CreateDocumentForm.tsx';
import { usePartnership } from './PartnershipContext.tsx';
import { PartnershipSettings } from './PartnershipSettings.tsx';

/** Where each kind of document opens. */
function documentPath(partnershipId: string, doc: DocumentSummary): string {
  if (doc.kind === 'canvas') return `/p/${partnershipId}/canvas/${doc.id}`;
  if (doc.kind === 'text') return `/p/${partnershipId}/docs/${doc.id}`;
  return `/p/${partnershipId}/goals`;
}

/** `/p/:id`: the partnership's facts, the caller's role, and its documents. */
export function PartnershipOverviewPage() {
  const { t } = useI18n();
  const { partnership, role, side, abilities } = usePartnership();
  const { data, error } = useApiResource<DocumentsResponse>(`/api/partnerships/${partnership.id}/documents`);
  return (
    <div className="page">
      <h1>{partnership.name}</h1>
      <p className="muted">
        {partnership.universityName} · {partnership.partnerName} · {t(`phase.${partnership.phase}`)}
      </p>
      <p>{t('partnership.youAre', { role: t(`role.${role}`).toLowerCase(), side: t(`side.${side}`).toLowerCase() })}</p>
      {!abilities.edit && <p className="notice">{t('partnership.readOnlyNotice')}</p>}
      <h2>{t('partnership.documents')}</h2>
      <FormAlert error={error} />
      <ul className="document-list">
        {data?.documents.map((doc) => {
          const path = documentPath(partnership.id, doc);
          return (
            <li key={doc.id}>
              <span className="kind">{t(`kind.${doc.kind}`)}</span>
              <Link to={path}>{doc.title}</Link>
            </li>
          );
        })}
      </ul>
      {abilities.edit && <CreateDocumentForm partnershipId={partnership.id} />}
      {abilities.managePartnership && <PartnershipSettings key={partnership.name + partnership.phase} />}
    </div>
  );
}

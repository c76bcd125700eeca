import type { DocumentsResponse } from '@samverka/model';
import { Link } from 'react-router';
import { useApiResource } from '../../api/useApiResource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { FormAlert } from '../../shell/forms.tsx';
import { Badge, Button, Dialog, EmptyState, Panel, Skeleton } from '../../ui/index.ts';
import { CreateDocumentForm } from '../CreateDocumentForm.tsx';
import { documentPath } from '../documentPaths.ts';
import { usePartnership } from '../PartnershipContext.tsx';

/** The partnership's documents, each opening where its kind lives, and "New document" for editors. */
export function DocumentsSection() {
  const { t } = useI18n();
  const { partnership, abilities } = usePartnership();
  const { data, error } = useApiResource<DocumentsResponse>(`/api/partnerships/${partnership.id}/documents`);
  const canCreate = abilities.edit && !partnership.archivedAt;
  return (
    <Panel
      title={t('partnership.documents')}
      className="documents-panel"
      action={
        canCreate ? (
          <Dialog trigger={<Button size="sm">{t('documents.new')}</Button>} title={t('documents.new')}>
            <CreateDocumentForm partnershipId={partnership.id} />
          </Dialog>
        ) : undefined
      }
    >
      <FormAlert error={error} />
      {!data && !error && <Skeleton lines={3} />}
      {data && data.documents.length === 0 && <EmptyState title={t('documents.empty')} />}
      {data && data.documents.length > 0 && (
        <ul className="document-list">
          {data.documents.map((doc) => (
            <li key={doc.id}>
              <Link to={documentPath(partnership.id, doc)}>{doc.title}</Link>
              <Badge tone={doc.kind === 'canvas' ? 'brand' : doc.kind === 'register' ? 'info' : 'neutral'}>
                {t(`kind.${doc.kind}`)}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

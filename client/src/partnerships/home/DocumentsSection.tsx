import { DocumentList } from '../../docs/DocumentList.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Button, Dialog, Panel } from '../../ui/index.ts';
import { CreateDocumentForm } from '../CreateDocumentForm.tsx';
import { usePartnership } from '../PartnershipContext.tsx';

/** The partnership's documents (the managed list: filter, rename, archive, delete), and "New document" for editors. */
export function DocumentsSection() {
  const { t } = useI18n();
  const { partnership, abilities } = usePartnership();
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
      <DocumentList />
    </Panel>
  );
}

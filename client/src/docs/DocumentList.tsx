import type { DocumentKind, DocumentSummary, DocumentsResponse } from '@samverka/model';
import { DOCUMENT_KINDS } from '@samverka/model';
import { type FormEvent, useState } from 'react';
import { Link } from '../router/router.tsx';
import './documentList.css';
import { api } from '../api/apiClient.ts';
import { useApiResource } from '../api/useApiResource.ts';
import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { documentPath } from '../partnerships/documentPaths.ts';
import { usePartnership } from '../partnerships/PartnershipContext.tsx';
import { errorMessage, FormAlert, SelectField, TextField } from '../shell/forms.tsx';
import {
  Badge,
  Button,
  Dialog,
  EmptyState,
  IconButton,
  Menu,
  type MenuItem,
  MoreIcon,
  Table,
  useConfirm,
  useToast,
} from '../ui/index.ts';

type KindFilter = 'all' | DocumentKind;

/**
 * The partnership's documents: filter by kind, show archived ones on request,
 * last edited when and by whom; rename, archive and restore for editors,
 * delete (after a confirmation) for owners. Embeddable on any page (the
 * partnership home shows it in its documents panel).
 */
export function DocumentList() {
  const { t } = useI18n();
  const format = useFormat();
  const { partnership, abilities } = usePartnership();
  const { data, error, reload } = useApiResource<DocumentsResponse>(`/api/partnerships/${partnership.id}/documents`);
  const [kind, setKind] = useState<KindFilter>('all');
  const [showArchived, setShowArchived] = useState(false);
  const [renaming, setRenaming] = useState<DocumentSummary | null>(null);
  const confirm = useConfirm();
  const toast = useToast();

  const documents = (data?.documents ?? []).filter(
    (doc) => (kind === 'all' || doc.kind === kind) && (showArchived || !doc.archivedAt),
  );
  const archivedCount = (data?.documents ?? []).filter((doc) => doc.archivedAt).length;

  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      toast(done);
      reload();
    } catch (failure) {
      toast(errorMessage(t, failure), 'error');
    }
  };

  const itemsFor = (doc: DocumentSummary): MenuItem[] => {
    const items: MenuItem[] = [];
    if (!abilities.edit) return items;
    items.push({ label: t('documents.rename'), onSelect: () => setRenaming(doc) });
    if (doc.kind !== 'register') {
      items.push(
        doc.archivedAt
          ? {
              label: t('documents.restore'),
              onSelect: () =>
                act(() => api.patch(`/api/documents/${doc.id}`, { archived: false }), t('documents.restored')),
            }
          : {
              label: t('documents.archive'),
              onSelect: () =>
                act(() => api.patch(`/api/documents/${doc.id}`, { archived: true }), t('documents.archived')),
            },
      );
    }
    if (abilities.managePartnership && doc.kind !== 'register') {
      items.push({
        label: t('documents.delete'),
        danger: true,
        onSelect: async () => {
          const sure = await confirm({
            title: t('documents.deleteConfirm', { title: doc.title }),
            body: t('documents.deleteBody'),
            confirmLabel: t('documents.delete'),
          });
          if (sure) await act(() => api.delete(`/api/documents/${doc.id}`), t('documents.deleted'));
        },
      });
    }
    return items;
  };

  return (
    <div className="document-list-section">
      <div className="document-list-filters">
        <SelectField<KindFilter>
          label={t('documents.filterKind')}
          name="kind"
          value={kind}
          options={['all', ...DOCUMENT_KINDS]}
          optionLabel={(value) => (value === 'all' ? t('documents.allKinds') : t(`kind.${value}`))}
          onChange={setKind}
        />
        <label className="document-list-archived">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          {t('documents.showArchived', { count: String(archivedCount) })}
        </label>
      </div>
      <FormAlert error={error} />
      {data && documents.length === 0 ? (
        <EmptyState title={t('documents.none')} />
      ) : (
        <Table caption={t('partnership.documents')} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('documents.title')}</th>
              <th scope="col">{t('documents.kind')}</th>
              <th scope="col">{t('documents.lastEdited')}</th>
              {abilities.edit && <th scope="col">{t('documents.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => {
              const path = documentPath(partnership.id, doc);
              const items = itemsFor(doc);
              return (
                <tr key={doc.id} data-document-id={doc.id}>
                  <td>
                    <Link to={path}>{doc.title}</Link>{' '}
                    {doc.archivedAt && <Badge tone="neutral">{t('documents.archivedBadge')}</Badge>}
                  </td>
                  <td>{t(`kind.${doc.kind}`)}</td>
                  <td>
                    {doc.editedAt &&
                      t(doc.editedBy ? 'documents.editedBy' : 'documents.editedAt', {
                        date: format.dateTime(doc.editedAt),
                        name: doc.editedBy?.name ?? '',
                      })}
                  </td>
                  {abilities.edit && (
                    <td>
                      {items.length > 0 && (
                        <Menu
                          trigger={
                            <IconButton label={t('documents.actionsFor', { title: doc.title })} icon={<MoreIcon />} />
                          }
                          items={items}
                        />
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {renaming && (
        <RenameDialog
          document={renaming}
          onClose={() => setRenaming(null)}
          onRenamed={() => {
            setRenaming(null);
            toast(t('documents.renamed'));
            reload();
          }}
        />
      )}
    </div>
  );
}

function RenameDialog(props: { document: DocumentSummary; onClose(): void; onRenamed(): void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(props.document.title);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api.patch(`/api/documents/${props.document.id}`, { title });
      props.onRenamed();
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };
  return (
    <Dialog open onOpenChange={(open) => !open && props.onClose()} title={t('documents.renameTitle')}>
      <form onSubmit={submit}>
        <TextField
          label={t('documents.title')}
          name="title"
          value={title}
          onChange={setTitle}
          required
          error={title.trim() === '' ? t('form.required') : undefined}
        />
        <FormAlert error={failure} />
        <div className="ui-dialog-actions">
          <Button type="submit" busy={busy} disabled={title.trim() === ''}>
            {t('documents.rename')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

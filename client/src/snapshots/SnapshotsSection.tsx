import type { SnapshotListItem } from '@samverka/model';
import { useState } from 'react';
import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { usePartnership } from '../partnerships/PartnershipContext.tsx';
import { Link } from '../router/router.tsx';
import { errorMessage } from '../shell/forms.tsx';
import {
  Button,
  ButtonLink,
  Dialog,
  EmptyState,
  IconButton,
  Menu,
  type MenuItem,
  MoreIcon,
  Panel,
  Skeleton,
  Table,
  useConfirm,
  useToast,
} from '../ui/index.ts';
import { ShareLinks } from './ShareLinks.tsx';
import { SnapshotNameForm } from './SnapshotNameForm.tsx';
import { announceSnapshotsChanged, snapshotsApi } from './snapshotsApi.ts';
import { useSnapshots } from './useSnapshots.ts';
import './snapshots.css';

type OpenDialog = { kind: 'rename' | 'links'; snapshot: SnapshotListItem } | undefined;

/** The partnership home's snapshots: take one, the list, and each one's actions (by the caller's abilities). */
export function SnapshotsSection() {
  const { t } = useI18n();
  const format = useFormat();
  const toast = useToast();
  const confirm = useConfirm();
  const { partnership, abilities } = usePartnership();
  const { data } = useSnapshots(partnership.id);
  const [creating, setCreating] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog>();
  const base = `/p/${partnership.id}/snapshots`;

  const create = async (name: string) => {
    await snapshotsApi.create(partnership.id, name);
    setCreating(false);
    toast(t('snapshots.created', { name }));
    announceSnapshotsChanged();
  };
  const rename = async (snapshot: SnapshotListItem, name: string) => {
    await snapshotsApi.rename(snapshot.id, name);
    setDialog(undefined);
    announceSnapshotsChanged();
  };
  const remove = async (snapshot: SnapshotListItem) => {
    const ok = await confirm({
      title: t('snapshots.deleteTitle', { name: snapshot.name }),
      body: t('snapshots.deleteBody'),
      confirmLabel: t('snapshots.delete'),
    });
    if (!ok) return;
    try {
      await snapshotsApi.remove(snapshot.id);
      announceSnapshotsChanged();
    } catch (error) {
      toast(errorMessage(t, error), 'error');
    }
  };
  const actions = (snapshot: SnapshotListItem): MenuItem[] => [
    ...(abilities.manageSnapshotLinks
      ? [{ label: t('snapshots.shareLinks'), onSelect: () => setDialog({ kind: 'links', snapshot }) }]
      : []),
    ...(abilities.manageSnapshots
      ? [
          { label: t('snapshots.rename'), onSelect: () => setDialog({ kind: 'rename', snapshot }) },
          { label: t('snapshots.delete'), danger: true, onSelect: () => void remove(snapshot) },
        ]
      : []),
  ];

  return (
    <Panel
      title={t('snapshots.title')}
      className="snapshots-panel"
      action={
        abilities.createSnapshot && !partnership.archivedAt ? (
          <Dialog
            open={creating}
            onOpenChange={setCreating}
            trigger={<Button size="sm">{t('snapshots.create')}</Button>}
            title={t('snapshots.create')}
            description={t('snapshots.createHelp')}
          >
            <SnapshotNameForm submitLabel={t('snapshots.createSubmit')} onSubmit={create} />
          </Dialog>
        ) : undefined
      }
    >
      {!data ? (
        <Skeleton lines={3} />
      ) : data.snapshots.length === 0 ? (
        <EmptyState title={t('snapshots.noneYet')} body={t('snapshots.createHelp')} />
      ) : (
        <Table caption={t('snapshots.title')} captionHidden testId="snapshot-list">
          <thead>
            <tr>
              <th scope="col">{t('snapshots.name')}</th>
              <th scope="col">{t('snapshots.date')}</th>
              <th scope="col">{t('snapshots.creator')}</th>
              <th scope="col">{t('snapshots.threads')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('snapshots.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.snapshots.map((snapshot) => {
              const items = actions(snapshot);
              return (
                <tr key={snapshot.id}>
                  <td>
                    <Link to={`${base}/${snapshot.id}`}>{snapshot.name}</Link>
                  </td>
                  <td>{format.dateTime(snapshot.createdAt)}</td>
                  <td>{snapshot.createdBy?.name ?? t('snapshots.formerMember')}</td>
                  <td>{t('snapshots.threadCounts', snapshot.threads)}</td>
                  <td className="snapshot-row-actions">
                    <ButtonLink size="sm" variant="secondary" to={`${base}/${snapshot.id}/compare?with=now`}>
                      {t('snapshots.compareNow')}
                    </ButtonLink>
                    {items.length > 0 && (
                      <Menu
                        trigger={
                          <IconButton label={t('snapshots.moreFor', { name: snapshot.name })} icon={<MoreIcon />} />
                        }
                        items={items}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <Dialog
        open={dialog?.kind === 'rename'}
        onOpenChange={(open) => !open && setDialog(undefined)}
        title={t('snapshots.rename')}
      >
        {dialog?.kind === 'rename' && (
          <SnapshotNameForm
            initial={dialog.snapshot.name}
            submitLabel={t('snapshots.save')}
            onSubmit={(name) => rename(dialog.snapshot, name)}
          />
        )}
      </Dialog>
      <Dialog
        open={dialog?.kind === 'links'}
        onOpenChange={(open) => !open && setDialog(undefined)}
        title={t('snapshots.shareLinksFor', { name: dialog?.snapshot.name ?? '' })}
        description={t('snapshots.shareHelp')}
      >
        {dialog?.kind === 'links' && <ShareLinks snapshotId={dialog.snapshot.id} />}
      </Dialog>
    </Panel>
  );
}

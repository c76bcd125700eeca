import type { SnapshotDetailResponse } from '@samverka/model';
import { useApiResource } from '../api/useApiResource.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { usePartnership } from '../partnerships/PartnershipContext.tsx';
import { useParams } from '../router/router.tsx';
import { Button, ButtonLink, Dialog, Panel, Skeleton } from '../ui/index.ts';
import { AcknowledgeButton, AcknowledgementList } from './Acknowledgements.tsx';
import { ShareLinks } from './ShareLinks.tsx';
import { SnapshotView } from './SnapshotView.tsx';
import type { SnapshotSource } from './snapshotSource.ts';

/** `/p/:id/snapshots/:snapshotId`: a member's view of one snapshot, with compare, report, share and acknowledge. */
export default function SnapshotPage() {
  const { snapshotId = '' } = useParams();
  const { t } = useI18n();
  const { partnership, abilities } = usePartnership();
  const detail = useApiResource<SnapshotDetailResponse>(`/api/snapshots/${encodeURIComponent(snapshotId)}`);
  if (detail.error && !detail.data) return <p className="form-alert page">{t('snapshots.notFound')}</p>;
  if (!detail.data) return <Skeleton lines={6} />;
  const source: SnapshotSource = { kind: 'member', snapshotId };
  const base = `/p/${partnership.id}/snapshots/${snapshotId}`;
  const acknowledgements = detail.data.acknowledgements ?? [];
  return (
    <>
      <SnapshotView
        source={source}
        detail={detail.data}
        actions={
          <div className="snapshot-actions">
            <ButtonLink variant="secondary" size="sm" to={`${base}/compare?with=now`}>
              {t('snapshots.compareNow')}
            </ButtonLink>
            <ButtonLink variant="secondary" size="sm" to={`${base}/report`}>
              {t('snapshots.report')}
            </ButtonLink>
            {abilities.manageSnapshotLinks && (
              <Dialog
                trigger={
                  <Button variant="secondary" size="sm">
                    {t('snapshots.shareLinks')}
                  </Button>
                }
                title={t('snapshots.shareLinksFor', { name: detail.data.snapshot.name })}
                description={t('snapshots.shareHelp')}
              >
                <ShareLinks snapshotId={snapshotId} />
              </Dialog>
            )}
          </div>
        }
      />
      <div className="page snapshot-review">
        <Panel
          title={t('snapshots.reviewedBy')}
          action={
            <AcknowledgeButton snapshotId={snapshotId} acknowledgements={acknowledgements} onDone={detail.reload} />
          }
        >
          <AcknowledgementList acknowledgements={acknowledgements} />
        </Panel>
      </div>
    </>
  );
}

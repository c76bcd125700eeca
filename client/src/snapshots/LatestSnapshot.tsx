import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router/router.tsx';
import { Skeleton } from '../ui/index.ts';
import { AcknowledgeButton, AcknowledgementList } from './Acknowledgements.tsx';
import { useSnapshots } from './useSnapshots.ts';

/** The partnership home's "latest snapshot" panel: which one, and who on each side has reviewed it. */
export function LatestSnapshot({ partnershipId }: { partnershipId: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const { data } = useSnapshots(partnershipId);
  if (!data) return <Skeleton lines={2} />;
  const latest = data.snapshots[0];
  if (!latest) return <p className="muted">{t('snapshots.noneYet')}</p>;
  return (
    <div className="latest-snapshot" data-testid="latest-snapshot">
      <p>
        <Link to={`/p/${partnershipId}/snapshots/${latest.id}`}>{latest.name}</Link>{' '}
        <span className="muted">{format.dateTime(latest.createdAt)}</span>
      </p>
      <AcknowledgementList acknowledgements={latest.acknowledgements} />
      <AcknowledgeButton snapshotId={latest.id} acknowledgements={latest.acknowledgements} />
    </div>
  );
}

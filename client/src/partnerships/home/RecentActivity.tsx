import type { AuditResponse } from '@samverka/model';
import { useApiResource } from '../../api/useApiResource.ts';
import { useFormat } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router/router.tsx';
import { EmptyState, Panel, Skeleton } from '../../ui/index.ts';
import { describeAuditActor, describeAuditDetails } from '../auditText.ts';

const SHOWN = 6;

/** The latest entries of the audit trail, for those who may read it. */
export function RecentActivity({ partnershipId }: { partnershipId: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const { data } = useApiResource<AuditResponse>(`/api/partnerships/${partnershipId}/audit`);
  return (
    <Panel
      title={t('home.recentActivity')}
      className="activity-panel"
      action={<Link to={`/p/${partnershipId}/activity`}>{t('home.allActivity')}</Link>}
    >
      {!data ? (
        <Skeleton lines={3} />
      ) : data.events.length === 0 ? (
        <EmptyState title={t('home.noActivity')} />
      ) : (
        <ol className="activity-list">
          {data.events.slice(0, SHOWN).map((event) => {
            const details = describeAuditDetails(event, t);
            return (
              <li key={event.id}>
                <span className="activity-what">{t(`audit.type.${event.type}`)}</span>
                {details && <span className="activity-details"> · {details}</span>}
                <span className="activity-meta muted">
                  {describeAuditActor(event, t)} ·{' '}
                  <time dateTime={event.createdAt}>{format.dateTime(event.createdAt)}</time>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </Panel>
  );
}

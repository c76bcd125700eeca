import type { AuditResponse } from '@samverka/model';
import { useApiResource } from '../api/useApiResource.ts';
import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormAlert } from '../shell/forms.tsx';
import { ButtonLink, EmptyState, PageHeader, Skeleton, Table } from '../ui/index.ts';
import { describeAuditActor, describeAuditDetails } from './auditText.ts';
import { usePartnership } from './PartnershipContext.tsx';

/** `/p/:id/activity`: the audit trail, for owners; others are told they lack access (no failing request). */
export function AuditPage() {
  const { t } = useI18n();
  const { partnership, abilities } = usePartnership();
  if (!abilities.readAudit) {
    return (
      <div className="page">
        <PageHeader title={t('audit.noAccessHeading')} />
        <p>{t('audit.noAccess')}</p>
        <ButtonLink variant="secondary" to={`/p/${partnership.id}`}>
          {t('audit.backHome')}
        </ButtonLink>
      </div>
    );
  }
  return <AuditTrail />;
}

function AuditTrail() {
  const { t } = useI18n();
  const format = useFormat();
  const { partnership } = usePartnership();
  const { data, error } = useApiResource<AuditResponse>(`/api/partnerships/${partnership.id}/audit`);
  return (
    <div className="page">
      <PageHeader title={t('audit.heading', { partnership: partnership.name })} />
      <FormAlert error={error} />
      {!data && !error && <Skeleton lines={5} />}
      {data && data.events.length === 0 && <EmptyState title={t('home.noActivity')} />}
      {data && data.events.length > 0 && (
        <Table caption={t('partnership.activity')} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {data.events.map((event) => (
              <tr key={event.id}>
                <td>
                  <time dateTime={event.createdAt}>{format.dateTime(event.createdAt)}</time>
                </td>
                <td>{describeAuditActor(event, t)}</td>
                <td>{t(`audit.type.${event.type}`)}</td>
                <td>{describeAuditDetails(event, t)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

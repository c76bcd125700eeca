import type { AuditEvent, AuditResponse } from '@samverka/model';
import { useApiResource } from '../api/useApiResource.ts';
import { en, type MessageKey } from '../i18n/en.ts';
import { type Translate, useI18n } from '../i18n/i18n.tsx';
import { FormAlert } from '../shell/forms.tsx';
import { usePartnership } from './PartnershipContext.tsx';

/** Detail values that name a role, side or phase are shown in the reader's language. */
function describeDetails(event: AuditEvent, t: Translate): string {
  const translated = (value: string) => {
    const key = ['role', 'side', 'phase'].map((prefix) => `${prefix}.${value}`).find((k) => k in en);
    return key ? t(key as MessageKey) : value;
  };
  return Object.values(event.details)
    .filter((value) => value !== null && value !== '')
    .map((value) => translated(String(value)))
    .join(' · ');
}

/** `/p/:id/activity`: the audit trail, for owners. */
export function AuditPage() {
  const { t, locale } = useI18n();
  const { partnership } = usePartnership();
  const { data, error } = useApiResource<AuditResponse>(`/api/partnerships/${partnership.id}/audit`);
  const format = new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <div className="page">
      <h1>{t('audit.heading', { partnership: partnership.name })}</h1>
      <FormAlert error={error} />
      <table className="members">
        <thead>
          <tr>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.what')}</th>
            <th scope="col">{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.events.map((event) => (
            <tr key={event.id}>
              <td>{format.format(new Date(event.createdAt))}</td>
              <td>
                {event.actor ? event.actor.name : t('audit.deletedAccount')}
                {event.actor?.side && <span className="muted"> · {t(`side.${event.actor.side}`)}</span>}
              </td>
              <td>{t(`audit.type.${event.type}`)}</td>
              <td>{describeDetails(event, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

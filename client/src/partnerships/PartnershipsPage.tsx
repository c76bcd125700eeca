import type { PartnershipsResponse } from '@samverka/model';
import { Link } from 'react-router';
import { useApiResource } from '../api/useApiResource.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormAlert } from '../shell/forms.tsx';
import { CreatePartnershipForm } from './CreatePartnershipForm.tsx';

/** `/p`: the partnerships the signed-in person belongs to, and a form to create one. */
export function PartnershipsPage() {
  const { t } = useI18n();
  const { data, error } = useApiResource<PartnershipsResponse>('/api/partnerships');
  return (
    <div className="page">
      <h1>{t('partnerships.heading')}</h1>
      <FormAlert error={error} />
      {data && data.partnerships.length === 0 && <p>{t('partnerships.empty')}</p>}
      {data && data.partnerships.length > 0 && (
        <ul className="partnership-list">
          {data.partnerships.map((p) => (
            <li key={p.id}>
              <Link to={`/p/${p.id}`}>{p.name}</Link>
              <span className="muted">
                {p.universityName} · {p.partnerName} ·{' '}
                {t('partnerships.roleOnSide', { role: t(`role.${p.role}`), side: t(`side.${p.side}`) })}
                {p.archivedAt ? ` · ${t('partnerships.archived')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <CreatePartnershipForm />
    </div>
  );
}

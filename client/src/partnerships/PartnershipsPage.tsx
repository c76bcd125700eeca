import type { PartnershipsResponse } from '@samverka/model';
import { useApiResource } from '../api/useApiResource.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router/router.tsx';
import { FormAlert } from '../shell/forms.tsx';
import { Badge, EmptyState, PageHeader, Skeleton } from '../ui/index.ts';
import { CreatePartnershipForm } from './CreatePartnershipForm.tsx';
import './partnerships.css';

/** `/p`: the partnerships the signed-in person belongs to, and a form to create one. */
export function PartnershipsPage() {
  const { t } = useI18n();
  const { data, error } = useApiResource<PartnershipsResponse>('/api/partnerships');
  return (
    <div className="page">
      <PageHeader title={t('partnerships.heading')} />
      <FormAlert error={error} />
      {!data && !error && <Skeleton lines={3} />}
      {data && data.partnerships.length === 0 && <EmptyState title={t('partnerships.empty')} />}
      {data && data.partnerships.length > 0 && (
        <ul className="partnership-cards">
          {data.partnerships.map((p) => (
            <li key={p.id} className="partnership-card">
              <Link to={`/p/${p.id}`} className="partnership-card-link">
                {p.name}
              </Link>
              <span className="muted">
                {p.universityName} · {p.partnerName}
              </span>
              <span className="partnership-card-badges">
                <Badge tone="brand">{t(`phase.${p.phase}`)}</Badge>
                <Badge>{t('partnerships.roleOnSide', { role: t(`role.${p.role}`), side: t(`side.${p.side}`) })}</Badge>
                {p.archivedAt && <Badge tone="warning">{t('partnerships.archived')}</Badge>}
              </span>
            </li>
          ))}
        </ul>
      )}
      <CreatePartnershipForm />
    </div>
  );
}

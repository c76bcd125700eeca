import { useI18n } from '../i18n/i18n.tsx';
import { ButtonLink, EmptyState, PageHeader } from '../ui/index.ts';
import { usePartnership } from './PartnershipContext.tsx';

/** `/p/:id/goals` and `/p/:id/risks` until the register's own pages land there. */
export function RegisterPlaceholderPage({ part }: { part: 'goals' | 'risks' }) {
  const { t } = useI18n();
  const { partnership } = usePartnership();
  return (
    <div className="page">
      <PageHeader title={t(part === 'goals' ? 'register.goalsHeading' : 'register.risksHeading')} />
      <EmptyState
        title={t('register.comingSoon')}
        action={
          <ButtonLink variant="secondary" to={`/p/${partnership.id}`}>
            {t('audit.backHome')}
          </ButtonLink>
        }
      />
    </div>
  );
}

import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router/router.tsx';
import { usePageTitle } from '../ui/index.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t('notFound.heading'));
  return (
    <div className="home">
      <h1>{t('notFound.heading')}</h1>
      <Link to="/">{t('notFound.back')}</Link>
    </div>
  );
}

import { useAuth } from '../auth/AuthProvider.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, Navigate } from '../router/router.tsx';
import { ButtonLink, Skeleton, usePageTitle } from '../ui/index.ts';

/** `/`: signed-in people go to their partnerships; others see what Samverka is. */
export function HomePage() {
  const { t } = useI18n();
  const { user } = useAuth();
  usePageTitle(undefined);
  if (user === undefined) return <Skeleton />;
  if (user) return <Navigate to="/p" replace />;
  return (
    <div className="home">
      <h1>{t('home.heading')}</h1>
      <p className="tagline">{t('app.tagline')}</p>
      <p>{t('home.intro')}</p>
      <p>{t('home.signedOutIntro')}</p>
      <p className="actions">
        <ButtonLink to="/signup">{t('nav.signup')}</ButtonLink>
        <Link to="/login">{t('nav.login')}</Link>
      </p>
    </div>
  );
}

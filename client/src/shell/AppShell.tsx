import { Suspense } from 'react';
import { api } from '../api/apiClient.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { InboxLink, InboxProvider } from '../comments/InboxProvider.tsx';
import { LOCALES, type Locale, useI18n } from '../i18n/i18n.tsx';
import { Link, Outlet, useNavigate } from '../router/router.tsx';
import { Skeleton, ThemeSwitch } from '../ui/index.ts';

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', sv: 'Svenska' };

/** Top bar (home, partnerships, inbox, account, language, theme) around every page. */
export function AppShell() {
  const { t, locale, setLocale } = useI18n();
  const { user, logOut } = useAuth();
  const navigate = useNavigate();
  /** The choice is remembered by this browser and, signed in, by the server too, so emails follow it. */
  const chooseLocale = (next: Locale) => {
    setLocale(next);
    if (user) void api.patch('/api/me', { locale: next }).catch(() => undefined);
  };
  return (
    <InboxProvider>
      <div className="app">
        <a className="skip-link" href="#main">
          {t('nav.skipToContent')}
        </a>
        <header className="topbar">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          <nav className="topnav" aria-label={t('app.name')}>
            {user && <Link to="/p">{t('nav.partnerships')}</Link>}
            {user && <InboxLink />}
            {user && (
              <Link to="/account/sessions" title={user.email}>
                {t('nav.account')}
              </Link>
            )}
            {user && (
              <span className="signed-in" title={user.email}>
                {t('nav.signedInAs', { name: user.name })}
              </span>
            )}
            {user && (
              <button type="button" className="link-button" onClick={() => logOut().then(() => navigate('/login'))}>
                {t('nav.logout')}
              </button>
            )}
            {user === null && <Link to="/login">{t('nav.login')}</Link>}
          </nav>
          <div className="topbar-tools">
            <label className="locale-picker">
              <span className="visually-hidden">{t('language.label')}</span>
              <select value={locale} onChange={(e) => chooseLocale(e.target.value as Locale)}>
                {LOCALES.map((l) => (
                  <option key={l} value={l}>
                    {LOCALE_NAMES[l]}
                  </option>
                ))}
              </select>
            </label>
            <ThemeSwitch />
          </div>
        </header>
        <main id="main">
          {/* The top bar stays while a page's code loads (App.tsx loads pages on first visit). */}
          <Suspense fallback={<Skeleton />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </InboxProvider>
  );
}

import { Link, Outlet } from 'react-router';
import { LOCALES, type Locale, useI18n } from '../i18n/i18n.tsx';

const LOCALE_NAMES: Record<Locale, string> = { en: 'English', sv: 'Svenska' };

/** Top bar (home link, language) around every page. */
export function AppShell() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <label className="locale-picker">
          <span>{t('language.label')}</span>
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main id="main">
        <Outlet />
      </main>
    </div>
  );
}

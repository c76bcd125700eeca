import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { useIdentity } from '../identity/identity.tsx';

/** Demo workspace ids until partnerships exist. */
export const DEMO_PARTNERSHIP_ID = 'demo';
export const DEMO_CANVAS_ID = 'demo-canvas';
export const DEMO_DOCUMENT_ID = 'demo-strategy';

export function HomePage() {
  const { t } = useI18n();
  const { identity, setName } = useIdentity();
  return (
    <div className="home">
      <h1>{t('home.heading')}</h1>
      <p className="tagline">{t('app.tagline')}</p>
      <p>{t('home.intro')}</p>
      <label className="field">
        <span>{t('identity.nameLabel')}</span>
        <input
          name="displayName"
          value={identity.name}
          placeholder={t('identity.namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <ul className="home-links">
        <li>
          <Link to={`/p/${DEMO_PARTNERSHIP_ID}/canvas/${DEMO_CANVAS_ID}`}>{t('home.openCanvas')}</Link>
        </li>
        <li>
          <Link to={`/p/${DEMO_PARTNERSHIP_ID}/docs/${DEMO_DOCUMENT_ID}`}>{t('home.openDocument')}</Link>
        </li>
      </ul>
    </div>
  );
}

import { useI18n } from '../i18n/i18n.tsx';

/** Grey placeholder lines while content loads; announced once as "Loading…". */
export function Skeleton({ lines = 3 }: { lines?: number }) {
  const { t } = useI18n();
  return (
    <div className="ui-skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">{t('loading')}</span>
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <span key={i} className="ui-skeleton-line" aria-hidden="true" />
      ))}
    </div>
  );
}

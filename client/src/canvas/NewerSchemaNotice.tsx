import { useI18n } from '../i18n/i18n.tsx';

/** Tells the person this board was saved by a newer client, and offers the reload that fixes it. */
export function NewerSchemaNotice() {
  const { t } = useI18n();
  return (
    <p className="canvas-newer-schema" role="alert">
      {t('canvas.newerSchema')}
      <button type="button" onClick={() => window.location.reload()}>
        {t('canvas.reload')}
      </button>
    </p>
  );
}

import { deleteEntry } from '@samverka/model';
import { useI18n } from '../i18n/i18n.tsx';
import type { PanelProps } from './RegisterPage.tsx';

/** Entries failing the schema (data from before the check, a foreign client): what is wrong, never a crash. */
export function NeedsAttention({ session, view, readOnly }: PanelProps) {
  const { t } = useI18n();
  if (view.needsAttention.length === 0) return null;
  return (
    <section className="panel needs-attention" aria-labelledby="needs-attention-heading">
      <h2 id="needs-attention-heading">{t('register.needsAttention')}</h2>
      <ul>
        {view.needsAttention.map((entry) => (
          <li key={entry.id} data-testid="needs-attention-entry">
            <strong>{entry.title}</strong>:{' '}
            {entry.issues.map((issue) => `${issue.field || t('register.entry')}: ${issue.message}`).join('; ')}
            {!readOnly && (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  for (const kind of ['goals', 'risks', 'checklist'] as const) deleteEntry(session.doc, kind, entry.id);
                }}
              >
                {t('register.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

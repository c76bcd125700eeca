import { deleteEntry } from '@samverka/model';
import { useI18n } from '../i18n/i18n.tsx';
import { Panel } from '../ui/index.ts';
import type { PanelProps } from './RegisterPage.tsx';
import { RemoveEntryButton } from './RemoveEntryButton.tsx';

/** Entries failing the schema (data from before the check, a foreign client): what is wrong, never a crash. */
export function NeedsAttention({ session, view, readOnly }: PanelProps) {
  const { t } = useI18n();
  if (view.needsAttention.length === 0) return null;
  return (
    <Panel title={t('register.needsAttention')} className="needs-attention">
      <ul>
        {view.needsAttention.map((entry) => (
          <li key={entry.id} data-testid="needs-attention-entry">
            <strong>{entry.title}</strong>:{' '}
            {entry.issues.map((issue) => `${issue.field || t('register.entry')}: ${issue.message}`).join('; ')}
            {!readOnly && (
              <RemoveEntryButton
                size="sm"
                title={entry.title}
                onRemove={() => {
                  for (const kind of ['goals', 'risks', 'checklist'] as const) deleteEntry(session.doc, kind, entry.id);
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}

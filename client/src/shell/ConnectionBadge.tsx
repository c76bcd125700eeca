import { useI18n } from '../i18n/i18n.tsx';
import type { ConnectionState } from '../sync/useDocumentSession.ts';
import './ConnectionBadge.css';

/** The document's connection state (incl. offline with unsent changes), announced politely to screen readers. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { t } = useI18n();
  return (
    <output className={`connection connection-${state}`} aria-live="polite" data-state={state}>
      {t(`connection.${state}`)}
    </output>
  );
}

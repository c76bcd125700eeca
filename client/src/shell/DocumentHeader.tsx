import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { DocumentSession } from '../sync/documentSession.ts';
import { useConnectionState, useSaved } from '../sync/useDocumentSession.ts';
import type { Collaborator } from '../sync/usePresence.ts';
import { Badge } from '../ui/index.ts';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { PresenceList } from './PresenceList.tsx';

interface DocumentHeaderProps {
  title: string;
  session: DocumentSession;
  collaborators: Collaborator[];
  /** Viewers and commenters: a "View only" marker instead of the saved state. */
  readOnly?: boolean;
  actions?: ReactNode;
}

/** Title bar over a live document: its name, who is here, the connection and whether it is saved. */
export function DocumentHeader(props: DocumentHeaderProps) {
  const { t } = useI18n();
  const state = useConnectionState(props.session);
  const saved = useSaved(props.session);
  usePageTitle(props.title);
  return (
    <div className="document-header">
      <h1>{props.title}</h1>
      <PresenceList collaborators={props.collaborators} />
      {props.readOnly ? (
        <Badge tone="info">{t('document.viewOnly')}</Badge>
      ) : (
        <output className="saved-state" data-saved={saved} aria-live="polite">
          {saved ? t('document.saved') : t('document.notSaved')}
        </output>
      )}
      {props.actions}
      <ConnectionBadge state={state} />
    </div>
  );
}

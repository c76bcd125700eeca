import type { DocumentSession } from '../sync/documentSession.ts';
import { useConnectionState } from '../sync/useDocumentSession.ts';
import type { Collaborator } from '../sync/usePresence.ts';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { PresenceList } from './PresenceList.tsx';

/** Title bar over a live document: its name, who is here, and the connection. */
export function DocumentHeader(props: { title: string; session: DocumentSession; collaborators: Collaborator[] }) {
  const state = useConnectionState(props.session);
  usePageTitle(props.title);
  return (
    <div className="document-header">
      <h1>{props.title}</h1>
      <PresenceList collaborators={props.collaborators} />
      <ConnectionBadge state={state} />
    </div>
  );
}

import type { PresenceUser } from '@samverka/model';
import { useEffect, useState } from 'react';
import type { DocumentSession } from './documentSession.ts';

export interface Collaborator extends PresenceUser {
  clientId: number;
  isSelf: boolean;
}

/**
 * Announces `user` in the document's awareness and returns everyone present.
 * The `user` field is what Tiptap's carets and our presence list read.
 */
export function usePresence(session: DocumentSession, user: PresenceUser): Collaborator[] {
  const { awareness } = session.provider;
  const [collaborators, setCollaborators] = useState<Collaborator[]>([]);

  useEffect(() => {
    awareness.setLocalStateField('user', { name: user.name, color: user.color, side: user.side });
  }, [awareness, user.name, user.color, user.side]);

  useEffect(() => {
    const read = () => {
      const list: Collaborator[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const u = state.user as PresenceUser | undefined;
        if (u?.name) list.push({ ...u, clientId, isSelf: clientId === awareness.clientID });
      });
      list.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
      setCollaborators(list);
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [awareness]);

  return collaborators;
}

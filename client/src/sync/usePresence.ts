import type { PresenceUser } from '@samverka/model';
import { useEffect, useState } from 'react';
import type { DocumentSession } from './documentSession.ts';

export interface Collaborator extends PresenceUser {
  clientId: number;
  isSelf: boolean;
}

/** Whether two lists name the same people in the same order (what the list shows). */
function samePeople(a: Collaborator[], b: Collaborator[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i] as Collaborator;
      return (
        p.clientId === q.clientId &&
        p.isSelf === q.isSelf &&
        p.name === q.name &&
        p.color === q.color &&
        p.side === q.side
      );
    })
  );
}

/**
 * Announces `user` in the document's awareness and returns everyone present.
 * The `user` field is what Tiptap's carets and our presence list read.
 * Awareness changes with every cursor move of every person (on a canvas, once a
 * frame); the list changes only when someone comes, goes or renames, so the page
 * re-renders only then (a re-render of the canvas page per remote cursor move cost
 * more than the move itself: issue 14).
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
      setCollaborators((previous) => (samePeople(previous, list) ? previous : list));
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [awareness]);

  return collaborators;
}

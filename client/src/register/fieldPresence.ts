import { useEffect, useState } from 'react';
import type { DocumentSession } from '../sync/documentSession.ts';
import type { Collaborator } from '../sync/usePresence.ts';

/** What a person is editing right now, published in awareness next to `user`. */
export interface EditingTarget {
  kind: 'goals' | 'risks' | 'checklist';
  id: string;
  field?: string;
}

const FIELD = 'editing';

/** Announces (or clears, with null) which entry and field this person is editing. */
export function announceEditing(session: DocumentSession, target: EditingTarget | null): void {
  session.provider.awareness.setLocalStateField(FIELD, target);
}

/** Who else is editing which entry: entry id → the people (with the field each is in). */
export function useFieldPresence(session: DocumentSession): Map<string, (Collaborator & { field?: string })[]> {
  const { awareness } = session.provider;
  const [editors, setEditors] = useState(new Map<string, (Collaborator & { field?: string })[]>());
  useEffect(() => {
    const read = () => {
      const next = new Map<string, (Collaborator & { field?: string })[]>();
      awareness.getStates().forEach((state, clientId) => {
        const target = state[FIELD] as EditingTarget | null | undefined;
        const user = state.user as Collaborator | undefined;
        if (!target?.id || !user?.name || clientId === awareness.clientID) return;
        const list = next.get(target.id) ?? [];
        list.push({ ...user, clientId, isSelf: false, field: target.field });
        next.set(target.id, list);
      });
      setEditors(next);
    };
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [awareness]);
  return editors;
}

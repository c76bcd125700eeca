import {
  createPresenceStateDerivation,
  InstancePresenceRecordType,
  react,
  type Signal,
  type TLInstancePresence,
  type TLStore,
  type TLUser,
} from 'tldraw';
import type { Awareness } from 'y-protocols/awareness';

/** The awareness field holding a client's tldraw presence record. */
const PRESENCE_FIELD = 'tldrawPresence';

/**
 * Publishes this person's cursor, selection and viewport through Yjs awareness
 * and mirrors everyone else's as tldraw presence records (cursors with names).
 */
export function bindPresence(store: TLStore, awareness: Awareness, user: Signal<TLUser | null>): () => void {
  const presence = createPresenceStateDerivation(user)(store);
  const stopPublishing = react('publish presence', () => {
    awareness.setLocalStateField(PRESENCE_FIELD, presence.get());
  });

  const idFor = (clientId: number) => InstancePresenceRecordType.createId(String(clientId));
  const onChange = (change: { added: number[]; updated: number[]; removed: number[] }) => {
    const put: TLInstancePresence[] = [];
    const remove: TLInstancePresence['id'][] = [];
    for (const clientId of [...change.added, ...change.updated]) {
      if (clientId === awareness.clientID) continue;
      const state = awareness.getStates().get(clientId)?.[PRESENCE_FIELD] as TLInstancePresence | null | undefined;
      if (state) put.push({ ...state, id: idFor(clientId) });
      else remove.push(idFor(clientId));
    }
    for (const clientId of change.removed) remove.push(idFor(clientId));
    store.mergeRemoteChanges(() => {
      const present = remove.filter((id) => store.has(id));
      if (present.length > 0) store.remove(present);
      if (put.length > 0) store.put(put);
    });
  };
  awareness.on('change', onChange);
  onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] });

  return () => {
    stopPublishing();
    awareness.off('change', onChange);
    awareness.setLocalStateField(PRESENCE_FIELD, null);
  };
}

/** The tldraw user id a collaborator publishes in awareness (what `startFollowingUser` takes). */
export function presenceUserIdOf(awareness: Awareness, clientId: number): TLInstancePresence['userId'] | undefined {
  const state = awareness.getStates().get(clientId)?.[PRESENCE_FIELD] as TLInstancePresence | null | undefined;
  return state?.userId as TLInstancePresence['userId'] | undefined;
}

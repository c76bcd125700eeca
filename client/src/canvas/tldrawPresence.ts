import { LIVE_FRAME_MS } from '@samverka/model';
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
import { RemoteChangeBatch } from './boardChangeSync.ts';

/** The awareness field holding a client's tldraw presence record. */
const PRESENCE_FIELD = 'tldrawPresence';

/**
 * Publishes this person's cursor, selection and viewport through Yjs awareness
 * and mirrors everyone else's as tldraw presence records (cursors with names).
 * Publishing is throttled to one write per LIVE_FRAME_MS, the last state always
 * following: each write sends the whole state to everyone, and during a drag the
 * cursor changes every frame. Others' cursors wait in `remote` (by default they are
 * merged at once) and are merged with the board's changes of the same frame.
 */
export function bindPresence(
  store: TLStore,
  awareness: Awareness,
  user: Signal<TLUser | null>,
  remote: RemoteChangeBatch = new RemoteChangeBatch(store),
): () => void {
  const presence = createPresenceStateDerivation(user)(store);
  let lastPublished = Number.NEGATIVE_INFINITY;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const publish = () => {
    pending = undefined;
    lastPublished = performance.now();
    awareness.setLocalStateField(PRESENCE_FIELD, presence.get());
  };
  const stopPublishing = react('publish presence', () => {
    presence.get();
    if (pending !== undefined) return;
    const wait = lastPublished + LIVE_FRAME_MS - performance.now();
    if (wait <= 0) publish();
    else pending = setTimeout(publish, wait);
  });

  const idFor = (clientId: number) => InstancePresenceRecordType.createId(String(clientId));
  // Clients whose presence changed since the last merge; their state is read when merging.
  const changed = new Set<number>();
  const applyChanged = () => {
    const put: TLInstancePresence[] = [];
    const remove: TLInstancePresence['id'][] = [];
    for (const clientId of changed) {
      const state = awareness.getStates().get(clientId)?.[PRESENCE_FIELD] as TLInstancePresence | null | undefined;
      if (state) put.push({ ...state, id: idFor(clientId) });
      else if (store.has(idFor(clientId))) remove.push(idFor(clientId));
    }
    changed.clear();
    if (remove.length > 0) store.remove(remove);
    if (put.length > 0) store.put(put);
  };
  const onChange = (change: { added: number[]; updated: number[]; removed: number[] }) => {
    for (const clientId of [...change.added, ...change.updated, ...change.removed]) {
      if (clientId !== awareness.clientID) changed.add(clientId);
    }
    if (changed.size > 0) remote.queue('presence', applyChanged);
  };
  awareness.on('change', onChange);
  onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] });

  return () => {
    stopPublishing();
    clearTimeout(pending);
    awareness.off('change', onChange);
    awareness.setLocalStateField(PRESENCE_FIELD, null);
  };
}

/** The tldraw user id a collaborator publishes in awareness (what `startFollowingUser` takes). */
export function presenceUserIdOf(awareness: Awareness, clientId: number): TLInstancePresence['userId'] | undefined {
  const state = awareness.getStates().get(clientId)?.[PRESENCE_FIELD] as TLInstancePresence | null | undefined;
  return state?.userId as TLInstancePresence['userId'] | undefined;
}

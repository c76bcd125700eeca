import type { WebsocketProvider } from 'y-websocket';

type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };

/**
 * Makes the provider send only this client's own awareness state. y-websocket sends
 * every awareness change it sees, remote ones included, so each collaborator's cursor
 * move came back to the server once from every other client (the server relays each
 * client's state itself and ignores a state sent for someone else's client id). On a
 * canvas that doubled the awareness frames, and each echo cost the receiving
 * browsers a decode and a `change` round (issue 14).
 */
export function sendOwnAwarenessOnly(provider: WebsocketProvider): void {
  const { awareness } = provider;
  const sendAll = provider._awarenessUpdateHandler;
  const own = (ids: number[]) => ids.filter((id) => id === awareness.clientID);
  const sendOwn = (changes: AwarenessChanges, origin: unknown) => {
    const mine = { added: own(changes.added), updated: own(changes.updated), removed: own(changes.removed) };
    if (mine.added.length + mine.updated.length + mine.removed.length === 0) return;
    sendAll(mine, origin);
  };
  awareness.off('update', sendAll);
  awareness.on('update', sendOwn);
  // destroy() unsubscribes whatever this property holds.
  provider._awarenessUpdateHandler = sendOwn;
}

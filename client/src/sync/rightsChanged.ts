import { CloseCode } from '@samverka/model';
import type { WebsocketProvider } from 'y-websocket';

type Listener = () => void;
const listeners = new Set<Listener>();

/**
 * The server closes a member's sockets with REAUTHORIZE when their role changes
 * or they are removed. Pages listening here re-read the member's abilities, so a
 * demoted editor turns read-only and a removed member sees that access ended.
 */
export function onRightsChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** 1006: the socket ended without a close frame, which is also how a refused upgrade (404) looks. */
const ABNORMAL_CLOSURE = 1006;

/**
 * Watches one provider: the re-authorise close code, and abnormal closes (the
 * member may have been removed while their socket was between reconnects, so
 * the upgrade is now refused) both mean "re-read what this person may do".
 */
export function watchForRightsChanges(provider: WebsocketProvider): void {
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event?.code === CloseCode.REAUTHORIZE || event?.code === ABNORMAL_CLOSURE) {
      for (const listener of listeners) listener();
    }
  });
}

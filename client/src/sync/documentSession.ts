import { SYNC_PATH_PREFIX } from '@samverka/model';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** One Y.Doc and its provider, shared by every component showing that document. */
export interface DocumentSession {
  documentId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
}

interface Entry {
  session: DocumentSession;
  users: number;
  destroyTimer?: ReturnType<typeof setTimeout>;
}

const sessions = new Map<string, Entry>();

/** Keeps a session alive briefly after the last user leaves, so remounts reuse it. */
const RELEASE_DELAY_MS = 2000;

function syncServerUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}${SYNC_PATH_PREFIX}`;
}

/**
 * The session of `documentId`, created on first use. Safe to call during render:
 * it is idempotent, and a session nobody retains is destroyed after a short delay.
 */
export function getDocumentSession(documentId: string): DocumentSession {
  let entry = sessions.get(documentId);
  if (!entry) {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(syncServerUrl(), documentId, doc, { maxBackoffTime: 5000 });
    entry = { session: { documentId, doc, provider }, users: 0 };
    sessions.set(documentId, entry);
    scheduleDestroy(entry);
  }
  return entry.session;
}

/** Marks the session as in use; pair every call with `releaseDocumentSession`. */
export function retainDocumentSession(documentId: string): void {
  const entry = sessions.get(documentId);
  if (!entry) return;
  clearTimeout(entry.destroyTimer);
  entry.users += 1;
}

export function releaseDocumentSession(documentId: string): void {
  const entry = sessions.get(documentId);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users <= 0) scheduleDestroy(entry);
}

function scheduleDestroy(entry: Entry): void {
  clearTimeout(entry.destroyTimer);
  entry.destroyTimer = setTimeout(() => {
    if (entry.users > 0) return;
    sessions.delete(entry.session.documentId);
    entry.session.provider.destroy();
    entry.session.doc.destroy();
  }, RELEASE_DELAY_MS);
}

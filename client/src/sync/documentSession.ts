import { SYNC_PATH_PREFIX } from '@samverka/model';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ConnectionTracker } from './connectionTracker.ts';
import { DurableSaved } from './durableSaved.ts';
import { sendOwnAwarenessOnly } from './ownAwarenessOnly.ts';
import { watchForRightsChanges } from './rightsChanged.ts';

/** One Y.Doc and its provider, shared by every component showing that document. */
export interface DocumentSession {
  documentId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The browser's copy of the document (absent where IndexedDB is not available). */
  persistence?: IndexeddbPersistence;
  connection: ConnectionTracker;
  /** Whether the server has durably stored everything this browser has. */
  saved: DurableSaved;
}

interface Entry {
  session: DocumentSession;
  users: number;
  destroyTimer?: ReturnType<typeof setTimeout>;
}

const sessions = new Map<string, Entry>();

/** Keeps a session alive briefly after the last user leaves, so remounts reuse it. */
const RELEASE_DELAY_MS = 2000;

/** Prefix of the IndexedDB database that keeps each document in the browser. */
const LOCAL_DB_PREFIX = 'samverka-doc-';

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
    // Edits made offline live here until the server has them, across reloads.
    const persistence =
      typeof indexedDB === 'undefined' ? undefined : new IndexeddbPersistence(LOCAL_DB_PREFIX + documentId, doc);
    const saved = new DurableSaved();
    const provider = new WebsocketProvider(syncServerUrl(), documentId, doc, {
      maxBackoffTime: 5000,
      // Asks the server for DURABLE_ACK frames; standard providers, which do not know them, never get any.
      params: { acks: '1' },
      WebSocketPolyfill: saved.WebSocketClass,
    });
    saved.attach(provider);
    sendOwnAwarenessOnly(provider);
    watchForRightsChanges(provider);
    const connection = new ConnectionTracker(doc, provider, documentId, persistence ? [persistence] : []);
    entry = { session: { documentId, doc, provider, persistence, connection, saved }, users: 0 };
    sessions.set(documentId, entry);
    scheduleDestroy(entry);
  }
  return entry.session;
}

/**
 * How long a session opened at boot for a deep link (`prestartDocumentSession`) is kept
 * while no page has taken it yet: the checks before the page mounts (who is signed in,
 * the partnership, the document's kind) take a few round trips, more on a slow phone.
 */
const PRESTART_HOLD_MS = 10_000;

/**
 * Opens a document's session before the page that shows it has rendered (a deep link, once
 * the document list has shown the id is there), so the socket, the server's sync answer and
 * `Y.applyUpdate` run while the levels above the page render (docs/benchmarks.md, "Canvas
 * open time"). The session is held until a page retains it or `PRESTART_HOLD_MS` passes.
 */
export function prestartDocumentSession(documentId: string): void {
  getDocumentSession(documentId);
  const entry = sessions.get(documentId);
  if (!entry || entry.users > 0) return;
  clearTimeout(entry.destroyTimer);
  entry.destroyTimer = setTimeout(() => scheduleDestroy(entry), PRESTART_HOLD_MS);
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
    entry.session.connection.destroy();
    entry.session.saved.destroy();
    entry.session.provider.destroy();
    void entry.session.persistence?.destroy();
    entry.session.doc.destroy();
  }, RELEASE_DELAY_MS);
}

import { useEffect, useSyncExternalStore } from 'react';
import type { ConnectionState } from './connectionTracker.ts';
import {
  type DocumentSession,
  getDocumentSession,
  releaseDocumentSession,
  retainDocumentSession,
} from './documentSession.ts';

/** The shared session of a document, retained while the component is mounted. */
export function useDocumentSession(documentId: string): DocumentSession {
  const session = getDocumentSession(documentId);
  useEffect(() => {
    retainDocumentSession(documentId);
    return () => releaseDocumentSession(documentId);
  }, [documentId]);
  return session;
}

export type { ConnectionState } from './connectionTracker.ts';

/** Live connection state of a session: connected, (re)connecting, offline, or offline with unsent edits. */
export function useConnectionState(session: DocumentSession): ConnectionState {
  return useSyncExternalStore(
    (notify) => session.connection.subscribe(notify),
    () => session.connection.state,
  );
}

/** Whether the provider has completed its first sync with the server. */
export function useSynced(session: DocumentSession): boolean {
  return useSyncExternalStore(
    (notify) => {
      session.provider.on('sync', notify);
      return () => session.provider.off('sync', notify);
    },
    () => session.provider.synced,
  );
}

function hasContent(session: DocumentSession): boolean {
  return session.doc.store.clients.size > 0;
}

/**
 * Whether the document can be shown: synced with the server, or (offline) loaded
 * from the browser's own copy with something in it. An empty local copy waits for
 * the server, so a new board is never initialised twice.
 */
export function useLoaded(session: DocumentSession): boolean {
  return useSyncExternalStore(
    (notify) => {
      session.provider.on('sync', notify);
      session.persistence?.on('synced', notify);
      return () => {
        session.provider.off('sync', notify);
        session.persistence?.off('synced', notify);
      };
    },
    () => session.provider.synced || (session.persistence?.synced === true && hasContent(session)),
  );
}

/** Whether the server has durably stored every change this browser has made to the document. */
export function useSaved(session: DocumentSession): boolean {
  return useSyncExternalStore(
    (notify) => session.saved.subscribe(notify),
    () => session.saved.saved,
  );
}

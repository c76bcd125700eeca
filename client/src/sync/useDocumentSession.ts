import { useEffect, useSyncExternalStore } from 'react';
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

export type ConnectionState = 'connected' | 'connecting' | 'offline';

/** Live connection state of a session's provider. */
export function useConnectionState(session: DocumentSession): ConnectionState {
  return useSyncExternalStore(
    (notify) => {
      session.provider.on('status', notify);
      window.addEventListener('online', notify);
      window.addEventListener('offline', notify);
      return () => {
        session.provider.off('status', notify);
        window.removeEventListener('online', notify);
        window.removeEventListener('offline', notify);
      };
    },
    () => {
      if (!navigator.onLine) return 'offline';
      if (session.provider.wsconnected) return 'connected';
      return 'connecting';
    },
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

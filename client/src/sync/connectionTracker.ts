import { CloseCode } from '@samverka/model';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/** What the connection badge shows. */
export type ConnectionState = 'connected' | 'connecting' | 'reconnecting' | 'offline' | 'unsent' | 'too-large';

const UNSENT_KEY_PREFIX = 'samverka.unsent.';

/**
 * Follows a document's provider and remembers whether edits were made while it
 * was disconnected. The flag survives a reload (the edits survive in IndexedDB),
 * and clears when the provider syncs again: the server's sync step 1 reaches us
 * before its step 2, and we answer step 1 with everything it lacks.
 */
export class ConnectionTracker {
  private everConnected = false;
  private unsent: boolean;
  /** The server refused an edit because the document reached its maximum size (the provider stops then). */
  private tooLarge = false;
  private readonly listeners = new Set<() => void>();
  private readonly unsentKey: string;

  constructor(
    private readonly doc: Y.Doc,
    private readonly provider: WebsocketProvider,
    documentId: string,
    private readonly localOrigins: readonly unknown[],
  ) {
    this.unsentKey = UNSENT_KEY_PREFIX + documentId;
    this.unsent = localStorage.getItem(this.unsentKey) === '1';
    doc.on('update', this.onUpdate);
    provider.on('status', this.onStatus);
    provider.on('sync', this.onSync);
    provider.on('connection-close', this.onClose);
    window.addEventListener('online', this.onBrowserOnline);
    window.addEventListener('offline', this.onBrowserOffline);
    if (!navigator.onLine) provider.disconnect();
  }

  /** The state to show now. */
  get state(): ConnectionState {
    if (this.tooLarge) return 'too-large';
    if (this.provider.wsconnected) return 'connected';
    if (this.unsent) return 'unsent';
    if (!navigator.onLine) return 'offline';
    return this.everConnected ? 'reconnecting' : 'connecting';
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.doc.off('update', this.onUpdate);
    this.provider.off('status', this.onStatus);
    this.provider.off('sync', this.onSync);
    this.provider.off('connection-close', this.onClose);
    window.removeEventListener('online', this.onBrowserOnline);
    window.removeEventListener('offline', this.onBrowserOffline);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private setUnsent(unsent: boolean): void {
    if (this.unsent === unsent) return;
    this.unsent = unsent;
    if (unsent) localStorage.setItem(this.unsentKey, '1');
    else localStorage.removeItem(this.unsentKey);
    this.notify();
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown) => {
    // Updates from the server or from IndexedDB are not this person's edits.
    if (origin === this.provider || this.localOrigins.includes(origin)) return;
    if (!this.provider.synced) this.setUnsent(true);
  };

  private readonly onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') this.everConnected = true;
    this.notify();
  };

  private readonly onClose = (event: CloseEvent | null) => {
    if (event?.code !== CloseCode.DOCUMENT_TOO_LARGE) return;
    this.tooLarge = true;
    this.notify();
  };

  private readonly onSync = (synced: boolean) => {
    if (synced) this.setUnsent(false);
    this.notify();
  };

  // The browser knows before the socket times out; stop retrying into the void,
  // and reconnect at once when the network returns.
  private readonly onBrowserOffline = () => {
    this.provider.disconnect();
    this.notify();
  };

  private readonly onBrowserOnline = () => {
    this.provider.connect();
    this.notify();
  };
}

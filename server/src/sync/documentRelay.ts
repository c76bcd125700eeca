/** What a document's room hears from the other server processes. */
export interface RelayListener {
  /** A Yjs update another process has already committed to the shared log. */
  update(update: Uint8Array): void;
  /** An awareness update from a socket of another process. */
  awareness(update: Uint8Array): void;
}

/**
 * Carries a document's committed updates and awareness between the server
 * processes that have it loaded (Redis in `scaleout/redisDocumentRelay.ts`).
 * A single process has none.
 */
export interface DocumentRelay {
  /**
   * Starts hearing `documentId`; resolves once no later publication can be
   * missed, so a load begun afterwards plus what arrives covers everything.
   * Returns the function that stops hearing it.
   */
  join(documentId: string, listener: RelayListener): Promise<() => void>;
  /** Sends an update this process has committed. Never a sync step 2 answer: those go to their requester only. */
  publishUpdate(documentId: string, update: Uint8Array): void;
  publishAwareness(documentId: string, update: Uint8Array): void;
  /** Called when the relay was down and is back: anything published meanwhile may be missing. */
  onReconnect(listener: () => void): void;
}

/** One update waiting to be appended to a document's log. */
export interface PendingUpdate {
  documentId: string;
  update: Uint8Array;
}

/**
 * Where Yjs updates live between restarts. The sync core only talks to this
 * interface; SQL dialects and any future backend sit behind it.
 */
export interface UpdateLogStore {
  /** Every stored update of a document, oldest first (a compacted state row comes first). */
  loadUpdates(documentId: string): Promise<Uint8Array[]>;
  /**
   * The same rows as `loadUpdates`, in batches of about `maxBatchBytes` (a larger
   * row alone), so a large document is replayed without holding its whole log.
   */
  loadUpdateBatches(documentId: string, maxBatchBytes?: number): AsyncIterable<Uint8Array[]>;
  /** Appends updates, possibly of several documents, in one transaction (group commit). */
  appendUpdates(updates: readonly PendingUpdate[]): Promise<void>;
  /**
   * Merges a document's log into one row. Updates appended while it runs are
   * kept. Returns how many rows were merged (0 or 1 means nothing to do).
   */
  compact(documentId: string): Promise<number>;
  /** How many rows a document's log holds. */
  countUpdates(documentId: string): Promise<number>;
}

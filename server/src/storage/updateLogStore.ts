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
  /**
   * True when `appendUpdates` calls may overlap because the store commits them, and
   * settles them, in call order (SQLite's writer thread). Otherwise a caller waits for
   * one append to settle before starting the next, to keep the log in arrival order.
   */
  readonly appendsInCallOrder?: boolean;
  /** Every stored update of a document, oldest first (a compacted state row comes first). */
  loadUpdates(documentId: string): Promise<Uint8Array[]>;
  /**
   * The same rows as `loadUpdates`, in batches of about `maxBatchBytes` (a larger
   * row alone), so a large document is replayed without holding its whole log.
   * The ids of the rows read are pushed to `ids` when given.
   */
  loadUpdateBatches(documentId: string, maxBatchBytes?: number, ids?: number[]): AsyncIterable<Uint8Array[]>;
  /**
   * Appends updates, possibly of several documents, in one transaction (group
   * commit). Resolves with the stored rows' ids, in the order of `updates`.
   */
  appendUpdates(updates: readonly PendingUpdate[]): Promise<number[]>;
  /**
   * Merges a document's log into one row. Updates appended while it runs are
   * kept. Returns how many rows were merged (0 or 1 means nothing to do); the
   * ids merged are pushed to `merged` when given (the last one holds the merge).
   */
  compact(documentId: string, merged?: number[]): Promise<number>;
  /**
   * Replaces exactly the rows `rowIds` of a document by one row holding `state`,
   * stored under the highest of those ids, in one transaction; other rows are
   * left alone. The caller vouches that `state` covers every one of those rows
   * (e.g. it is the state of the loaded doc that applied them all), so nothing
   * is replayed. Returns false, changing nothing, when any of them is gone.
   * `handOver`: the caller never reads `state`, or anything else in the buffer
   * under it, again, so a store may take that memory instead of copying it (the
   * SQLite writer thread moves it across).
   */
  replaceRows(documentId: string, rowIds: readonly number[], state: Uint8Array, handOver?: HandOver): Promise<boolean>;
  /** How many rows a document's log holds. */
  countUpdates(documentId: string): Promise<number>;
}

/** Whether the caller gives up a document state it passes to be stored (see `replaceRows`). */
export interface HandOver {
  handOver: boolean;
}

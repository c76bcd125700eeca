import type { PendingUpdate, UpdateLogStore } from '../storage/updateLogStore.ts';

interface QueuedUpdate extends PendingUpdate {
  resolve: (rowId: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Collects updates from every room during one event-loop turn and commits them
 * in a single transaction. Each caller's promise settles once its update is
 * durable, so relaying after `await append()` keeps append-before-relay.
 *
 * A store that commits overlapping appends in call order (SQLite's writer thread)
 * gets each turn's batch at once, while earlier ones are still being committed:
 * an update that arrives during a commit is not held back a round trip more.
 * Other stores get one batch at a time.
 */
export class GroupCommitWriter {
  private queue: QueuedUpdate[] = [];
  /** The batch sent last, until it settles; with ordered stores, those before it settle first. */
  private flushing: Promise<void> | null = null;
  private scheduled = false;

  constructor(
    private readonly store: UpdateLogStore,
    private readonly onCommit?: (count: number, seconds: number) => void,
  ) {}

  /** Resolves with the stored row's id when `update` is committed; rejects if the commit failed. */
  append(documentId: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ documentId, update, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once everything queued before this call is committed (or failed). */
  async drain(): Promise<void> {
    while (this.queue.length > 0 || this.flushing) {
      if (this.flushing) await this.flushing;
      else await this.flush();
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing && !this.store.appendsInCallOrder) {
      // One commit at a time keeps the log in arrival order; the next batch
      // waits and then goes as one transaction.
      await this.flushing;
      if (this.queue.length > 0) this.schedule();
      return;
    }
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    const started = process.hrtime.bigint();
    const flushing = this.store.appendUpdates(batch).then(
      (rowIds) => {
        this.onCommit?.(batch.length, Number(process.hrtime.bigint() - started) / 1e9);
        for (const [i, item] of batch.entries()) item.resolve(rowIds[i] as number);
      },
      (error: unknown) => {
        for (const item of batch) item.reject(error);
      },
    );
    this.flushing = flushing;
    try {
      await flushing;
    } finally {
      if (this.flushing === flushing) this.flushing = null;
      if (this.queue.length > 0) this.schedule();
    }
  }
}

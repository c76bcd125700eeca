import type { SqlUpdateLogStore } from '../../src/storage/sqlUpdateLogStore.ts';
import type { PendingUpdate, UpdateLogStore } from '../../src/storage/updateLogStore.ts';

type Gate = () => void;

/**
 * A real SQL store whose appends and/or compactions wait until the test lets
 * each one through, to put the sync core into the interleavings races need.
 */
export class GatedStore implements UpdateLogStore {
  private readonly appendGates: Gate[] = [];
  private readonly compactGates: Gate[] = [];

  constructor(
    private readonly inner: SqlUpdateLogStore,
    /** `compactionsFinish` holds a compaction after it merged, as a slow one still in flight would be. */
    private readonly gate: { appends?: boolean; compactions?: boolean; compactionsFinish?: boolean },
  ) {}

  async appendUpdates(updates: readonly PendingUpdate[]): Promise<number[]> {
    if (this.gate.appends) await new Promise<void>((resolve) => this.appendGates.push(resolve));
    return this.inner.appendUpdates(updates);
  }

  async compact(documentId: string, mergedIds?: number[]): Promise<number> {
    if (this.gate.compactions) await new Promise<void>((resolve) => this.compactGates.push(resolve));
    const merged = await this.inner.compact(documentId, mergedIds);
    if (this.gate.compactionsFinish) await new Promise<void>((resolve) => this.compactGates.push(resolve));
    return merged;
  }

  /** Gated like a compaction: the unload's replacement of the rows its doc covers is one. */
  async replaceRows(documentId: string, rowIds: readonly number[], state: Uint8Array): Promise<boolean> {
    if (this.gate.compactions) await new Promise<void>((resolve) => this.compactGates.push(resolve));
    const replaced = await this.inner.replaceRows(documentId, rowIds, state);
    if (this.gate.compactionsFinish) await new Promise<void>((resolve) => this.compactGates.push(resolve));
    return replaced;
  }

  loadUpdates(documentId: string): Promise<Uint8Array[]> {
    return this.inner.loadUpdates(documentId);
  }

  loadUpdateBatches(documentId: string, maxBatchBytes?: number, ids?: number[]): AsyncIterable<Uint8Array[]> {
    return this.inner.loadUpdateBatches(documentId, maxBatchBytes, ids);
  }

  countUpdates(documentId: string): Promise<number> {
    return this.inner.countUpdates(documentId);
  }

  /** Lets the oldest waiting append through; false if none waits. */
  releaseAppend(): boolean {
    const gate = this.appendGates.shift();
    gate?.();
    return gate !== undefined;
  }

  /** Lets the oldest waiting compaction through; false if none waits. */
  releaseCompaction(): boolean {
    const gate = this.compactGates.shift();
    gate?.();
    return gate !== undefined;
  }

  get waitingAppends(): number {
    return this.appendGates.length;
  }

  get waitingCompactions(): number {
    return this.compactGates.length;
  }

  /** Opens every gate for good (test teardown). */
  openAll(): void {
    this.gate.appends = false;
    this.gate.compactions = false;
    this.gate.compactionsFinish = false;
    while (this.releaseAppend() || this.releaseCompaction()) {}
  }
}

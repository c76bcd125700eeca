import { Worker } from 'node:worker_threads';
import type { WriterReply, WriterRequest, WriterThreadOptions } from './sqliteWriterProtocol.ts';
import type { HandOver, PendingUpdate } from './updateLogStore.ts';

/** The update log's writes, done off the main thread (SQLite only; see sqliteWriterThread.ts). */
export interface UpdateLogWriter {
  /**
   * Appends in one transaction; resolves with the rows' ids once committed. Calls may
   * overlap: they are committed, and settle, in call order.
   */
  appendUpdates(updates: readonly PendingUpdate[]): Promise<number[]>;
  /** `UpdateLogStore.replaceRows`: false, changing nothing, when any of the rows is gone. */
  replaceRows(documentId: string, rowIds: readonly number[], state: Uint8Array, handOver?: HandOver): Promise<boolean>;
}

/** Under Node's type stripping or tsx this module is a .ts file; in the bundle both are .js in dist/. */
const threadFile = new URL(`./sqliteWriterThread${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

type RequestBody = WriterRequest extends infer R ? (R extends WriterRequest ? Omit<R, 'id'> : never) : never;

/**
 * The main thread's handle on the writer thread, started on first use (a CLI that
 * never appends starts none). While requests are outstanding the thread keeps the
 * process alive, so a caller awaiting a commit is answered; otherwise it does not.
 */
export class SqliteWriterThread implements UpdateLogWriter {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (result: never) => void; reject: (error: Error) => void }>();
  private closing: Promise<void> | undefined;

  constructor(private readonly options: WriterThreadOptions) {}

  appendUpdates(updates: readonly PendingUpdate[]): Promise<number[]> {
    if (updates.length === 0) return Promise.resolve([]);
    // A view's whole underlying buffer would be cloned (a ws frame buffer, Node's 8 KB pool):
    // copy just the update's bytes and hand the copies over without a second copy.
    const transfer: ArrayBuffer[] = [];
    const copies = updates.map((u) => {
      const update = Uint8Array.prototype.slice.call(u.update);
      transfer.push(update.buffer);
      return { documentId: u.documentId, update };
    });
    return this.request<number[]>({ kind: 'append', updates: copies }, transfer);
  }

  replaceRows(documentId: string, rowIds: readonly number[], state: Uint8Array, handOver?: HandOver): Promise<boolean> {
    if (rowIds.length === 0) return Promise.resolve(false);
    // A state can be as large as the document limit (50 MiB): cloned into the thread it would be
    // held twice, on top of SQLite's own copies (issue 17 bounds the peak). A state the caller
    // gives up moves across instead, with the buffer under it (an encoded state is a view on a
    // buffer sized by a hint, a little larger than the state, and nothing else uses it).
    const transfer = handOver?.handOver && state.buffer instanceof ArrayBuffer ? [state.buffer] : [];
    return this.request<boolean>({ kind: 'replace', documentId, rowIds, state }, transfer);
  }

  /** Answers everything already requested, checkpoints, closes the thread's connection and ends it. */
  close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return Promise.resolve();
    this.closing ??= (async () => {
      // Until the thread has ended, the process must not exit under it (its last commit, its checkpoint).
      worker.ref();
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      await this.post<boolean>(worker, { kind: 'close' }).catch(() => undefined);
      await exited;
    })();
    return this.closing;
  }

  private request<T>(body: RequestBody, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.closing) return Promise.reject(new Error('the SQLite writer thread is closed'));
    return this.post<T>(this.started(), body, transfer);
  }

  private post<T>(worker: Worker, body: RequestBody, transfer: ArrayBuffer[] = []): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (result: never) => void, reject });
      if (this.waiting.size === 1) worker.ref();
      worker.postMessage({ ...body, id }, transfer);
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(threadFile, { workerData: this.options });
    worker.unref();
    worker.on('message', (reply: WriterReply) => this.settle(reply));
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`the SQLite writer thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: WriterReply): void {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0 && !this.closing) this.worker?.unref();
    if ('error' in reply) waiter.reject(new Error(reply.error));
    else waiter.resolve(reply.result as never);
  }

  /**
   * The thread is gone: nothing outstanding can be known to be committed, so every
   * waiting caller is refused (a room then closes its sockets and clients re-send).
   * Unless it was closed, the next request starts a new thread.
   */
  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

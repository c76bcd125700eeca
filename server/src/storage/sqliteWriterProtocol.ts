import type { PendingUpdate } from './updateLogStore.ts';

/** What the SQLite writer thread is started with. */
export interface WriterThreadOptions {
  file: string;
  synchronous: 'full' | 'normal';
  busyTimeoutMs: number;
  /** `MainWriteTurns.shared`: the main connection's writes waiting or under way (see writeTurns.ts). */
  mainWrites: Int32Array;
}

/** A request to the writer thread; answered by one `WriterReply` with the same id, in request order. */
export type WriterRequest =
  | { kind: 'append'; id: number; updates: readonly PendingUpdate[] }
  | { kind: 'replace'; id: number; documentId: string; rowIds: readonly number[]; state: Uint8Array }
  | { kind: 'close'; id: number };

export type WriterReply = { id: number; result: number[] | boolean } | { id: number; error: string };

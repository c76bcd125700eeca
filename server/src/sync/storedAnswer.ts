import { SyncMessageType } from '@samverka/model';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { frameSyncStep2 } from './syncMessages.ts';

/** A log of at most this many rows (all read in one batch) answers early, merged into one update. */
const MAX_ANSWER_ROWS = 32;
/**
 * …and of at most this many bytes. An early answer holds the merged log and its frame beside
 * the rows and the doc being loaded: for a document near the size limit (50 MiB) that is two
 * more copies of it at the moment memory peaks anyway (issue 17 bounds that peak), while the
 * time it saves, one apply on the server, matters less next to moving that many bytes.
 */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** What a socket was sent from the stored log before its room existed. */
export interface SentAnswer {
  /** The load it came from (the room compares it with its own). */
  from: StoredAnswer;
  /** The state vector the socket asked with (it now also has everything in `from`). */
  asked: Map<number, number>;
}

/**
 * The stored log of a document being loaded, as it was read, before it has
 * been replayed into a Y.Doc. Committed rows are durable, so a client may be
 * sent them at once: a fresh client then waits for the read and its own apply,
 * not also for the server's replay and encoding (issue 14, scenario d).
 * Held only until the room exists (`release`).
 */
export class StoredAnswer {
  private rows: readonly Uint8Array[] | undefined;
  /** A log of one row (a compacted state), whatever its size: the room's first answer can be it. */
  private single: Uint8Array | undefined;
  private merged: Uint8Array | undefined;
  private framed: Uint8Array | undefined;
  private vector: Map<number, number> | undefined;
  private settled = false;
  private waiting: Array<() => void> = [];

  /** The whole log was read in one batch: `rows`, oldest first. */
  read(rows: readonly Uint8Array[]): void {
    const bytes = rows.reduce((sum, row) => sum + row.byteLength, 0);
    if (rows.length > 0 && rows.length <= MAX_ANSWER_ROWS && bytes <= MAX_ANSWER_BYTES) this.rows = rows;
    this.single = rows.length === 1 ? rows[0] : undefined;
    this.settle();
  }

  /**
   * The log is too long for an early answer, or the load is over: answer from
   * the room. `exact`: the loaded doc, when it holds exactly the stored log.
   */
  release(exact?: Y.Doc): void {
    // Sockets answered from the log need its state vector later; measured now, off their way.
    if (this.merged && !this.vector) {
      try {
        const vector = exact ? Y.encodeStateVector(exact) : Y.encodeStateVectorFromUpdate(this.merged);
        this.vector = Y.decodeStateVector(vector);
      } catch {
        // Unreadable (the load fails too): the room's answer then covers only what the socket asked with.
      }
    }
    this.rows = undefined;
    this.single = undefined;
    this.merged = undefined;
    this.framed = undefined;
    this.settle();
  }

  /** Calls `then` once the read is done (or at once if it is). */
  whenRead(then: () => void): void {
    if (this.settled) then();
    else this.waiting.push(then);
  }

  /**
   * The stored document as one update when it is at hand without work (one
   * row) or was already merged for an answer; the room's first full-state
   * answer can then be these bytes.
   */
  get state(): Uint8Array | undefined {
    if (this.merged) return this.merged;
    return this.single;
  }

  /**
   * The sync step 2 for a client that asked with `clientVector`: everything
   * stored, or what its state vector lacks. Undefined when there is no early
   * answer (the room answers instead).
   */
  answer(clientVector: Uint8Array): { frame: Uint8Array; sent: SentAnswer } | undefined {
    const rows = this.rows;
    if (!rows) return undefined;
    this.merged ??= rows.length === 1 ? rows[0] : Y.mergeUpdates(rows as Uint8Array[]);
    const update = this.merged as Uint8Array;
    const client = Y.decodeStateVector(clientVector);
    let frame: Uint8Array;
    if (client.size === 0) {
      this.framed ??= frameSyncStep2(update);
      frame = this.framed;
    } else {
      frame = frameSyncStep2(Y.diffUpdate(update, clientVector));
    }
    return { frame, sent: { from: this, asked: client } };
  }

  /**
   * What a socket answered from this log has: `asked` (its own state vectors)
   * and the log's (known once the load is over: see `release`).
   */
  covered(...asked: Map<number, number>[]): Map<number, number> {
    const covers = new Map(this.vector);
    for (const vector of asked) {
      for (const [id, clock] of vector) covers.set(id, Math.max(clock, covers.get(id) ?? 0));
    }
    return covers;
  }

  private settle(): void {
    this.settled = true;
    const waiting = this.waiting;
    this.waiting = [];
    for (const then of waiting) then();
  }
}

/** The state vector of a sync step 1 frame, or undefined for any other (or malformed) frame. */
export function syncStep1Vector(frame: Uint8Array): Uint8Array | undefined {
  try {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== SyncMessageType.SYNC) return undefined;
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep1) return undefined;
    const vector = decoding.readVarUint8Array(decoder);
    if (decoding.hasContent(decoder)) return undefined;
    Y.decodeStateVector(vector); // a malformed one is left for the room, which closes the socket
    return vector;
  } catch {
    return undefined;
  }
}

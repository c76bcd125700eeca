import * as Y from 'yjs';
import type { SyncSocket } from './syncConnection.ts';

/**
 * Decides, before any work is done, whether a request whose answer is much
 * larger than itself (a sync step 1 asks for the whole document in ~10 bytes)
 * may be answered now. Without it a few thousand step-1 frames in one TCP write
 * made the server encode the document a few thousand times before its
 * send-backlog check could cut the socket.
 *
 * - At most one full-state answer per socket is outstanding (encoded, not yet
 *   handed to the socket); step 1 frames arriving meanwhile are dropped. The
 *   answer that is on its way already covers what they asked for.
 * - A socket whose unsent backlog plus the expected answer exceeds the budget
 *   gets no answer: it has not read what it was sent, and relays reach it anyway.
 * - The full-state answer to an empty state vector (every fresh client) is
 *   encoded once per document version and shared by every socket asking
 *   meanwhile; it is let go once no answer is outstanding, so an idle room
 *   does not hold a second copy of its document.
 */
export class AnswerBudget {
  private readonly outstanding = new Set<SyncSocket>();
  private sharedFullState: Uint8Array | undefined;
  /** Size of the last full-state answer: the estimate for the next one, known before encoding. */
  private expectedAnswerBytes = 0;

  constructor(private readonly backlogBytes: number) {}

  /**
   * The full-state answer, known without encoding: the room was loaded from a
   * single stored state. Kept until the first answer is delivered, the document
   * changes, or `keepMs` passes, so an idle room holds no second copy.
   */
  prime(answer: Uint8Array, keepMs: number): void {
    this.sharedFullState = answer;
    this.expectedAnswerBytes = answer.byteLength;
    setTimeout(() => {
      if (this.sharedFullState === answer && this.outstanding.size === 0) this.sharedFullState = undefined;
    }, keepMs).unref();
  }

  /** The document changed: a shared answer encoded before now is stale. */
  documentChanged(): void {
    this.sharedFullState = undefined;
  }

  /** Whether a sync step 1 from this socket may be answered now (checked before encoding). */
  mayAnswerSyncStep1(socket: SyncSocket): boolean {
    if (this.outstanding.has(socket)) return false;
    return this.backlogAllows(socket, this.expectedAnswerBytes);
  }

  /** Whether an answer of about `expectedBytes` (e.g. an awareness query) fits the socket's backlog. */
  backlogAllows(socket: SyncSocket, expectedBytes: number): boolean {
    const buffered = socket.bufferedAmount ?? 0;
    return buffered === 0 || buffered + expectedBytes <= this.backlogBytes;
  }

  /**
   * Encodes (or reuses) the answer to `stateVector` and marks it outstanding
   * for `socket` until `delivered` is called.
   */
  answerSyncStep1(socket: SyncSocket, stateVector: Uint8Array, encode: (vector: Uint8Array) => Uint8Array): Uint8Array {
    this.outstanding.add(socket);
    let answer: Uint8Array;
    if (Y.decodeStateVector(stateVector).size === 0) {
      this.sharedFullState ??= encode(stateVector);
      answer = this.sharedFullState;
    } else {
      answer = encode(stateVector);
    }
    this.expectedAnswerBytes = answer.byteLength;
    return answer;
  }

  /** The outstanding answer was handed to the socket (or the socket left). */
  delivered(socket: SyncSocket): void {
    this.outstanding.delete(socket);
    if (this.outstanding.size === 0) this.sharedFullState = undefined;
  }
}

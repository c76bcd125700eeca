import * as Y from 'yjs';
import type { Logger } from '../logger.ts';
import { flattenLongStrings } from '../storage/heapStrings.ts';
import { hasPendingUpdates, REPLAY_BATCH_BYTES, replayUpdates } from '../storage/replayUpdates.ts';
import type { UpdateLogStore } from '../storage/updateLogStore.ts';
import { collectGarbage, LARGE_DOCUMENT_BYTES } from './collectGarbage.ts';
import type { DocumentRelay } from './documentRelay.ts';
import type { Room } from './room.ts';
import type { StoredAnswer } from './storedAnswer.ts';

/** What a load read and built, for the registry to make its room. */
export interface LoadedDocument {
  doc: Y.Doc;
  /** Bytes of the rows replayed. */
  bytes: number;
  /** Ids of the rows replayed (the compactions replace exactly those). */
  loadedRows: number[];
  /** The stored document as one update, when it is at hand (see `StoredAnswer.state`) and the doc is exactly it. */
  storedState: Uint8Array | undefined;
}

export interface RoomLoaderDeps {
  store: UpdateLogStore;
  log: Logger;
  relay?: DocumentRelay | undefined;
  createRoom(documentId: string, loaded: LoadedDocument, answer: StoredAnswer): Room;
}

/**
 * Loads a document's room from its update log. When the whole log comes in
 * one batch it is handed to `answer` before it is replayed, so sockets joining
 * meanwhile can be answered from it (see `StoredAnswer`); the event loop gets
 * one turn to read their sync step 1 frames and send those answers before the
 * replay holds it. Returns the room and the function that stops hearing the
 * document from the other processes.
 */
export async function loadRoom(
  deps: RoomLoaderDeps,
  documentId: string,
  answer: StoredAnswer,
): Promise<{ room: Room; leave: (() => void) | undefined }> {
  const started = Date.now();
  // Hear the other processes before reading the log: an update they commit after
  // the read is then relayed here, one committed before it is in the read.
  let room: Room | undefined;
  const early: Array<(room: Room) => void> = [];
  const leave = await deps.relay?.join(documentId, {
    update: (update) => (room ? room.applyStored([update]) : early.push((r) => r.applyStored([update]))),
    awareness: (update) =>
      room ? room.applyRelayedAwareness(update) : early.push((r) => r.applyRelayedAwareness(update)),
  });
  let loaded: LoadedDocument;
  try {
    loaded = await replayLog(deps.store, documentId, answer);
  } catch (error) {
    answer.release();
    leave?.();
    throw error;
  }
  const { doc, bytes } = loaded;
  // The rows read and the parts of the joined texts go before the first answer is
  // encoded beside the doc, not after (see `flattenLongStrings`).
  if (bytes >= LARGE_DOCUMENT_BYTES && flattenLongStrings(doc) > 0) collectGarbage();
  deps.log.debug({ documentId, bytes, ms: Date.now() - started }, 'room loaded');
  room = deps.createRoom(documentId, loaded, answer);
  answer.release(loaded.storedState ? doc : undefined);
  for (const apply of early) apply(room);
  return { room, leave };
}

/**
 * Replays the log batch by batch into a fresh doc. The first batch is read
 * together with the next (so at most two batches are in memory, once): when
 * there is no next, the first is the whole log, which `answer` gets before the
 * replay.
 */
async function replayLog(store: UpdateLogStore, documentId: string, answer: StoredAnswer): Promise<LoadedDocument> {
  const loadedRows: number[] = [];
  const batches = store.loadUpdateBatches(documentId, REPLAY_BATCH_BYTES, loadedRows)[Symbol.asyncIterator]();
  const doc = new Y.Doc({ gc: true });
  let bytes = 0;
  let next = await batches.next();
  let whole = false;
  if (next.done) {
    answer.release(); // nothing stored: the room's answer is empty anyway
  } else {
    const following = await batches.next();
    whole = following.done === true;
    if (whole) {
      answer.read(next.value);
      // SQLite reads resolve in microtasks only: let the event loop read and answer waiting sockets.
      await turnOfEventLoop();
    } else {
      answer.release();
    }
    replayUpdates(next.value, doc);
    for (const update of next.value) bytes += update.byteLength;
    next = following;
  }
  for (; !next.done; next = await batches.next()) {
    replayUpdates(next.value, doc);
    for (const update of next.value) bytes += update.byteLength;
  }
  const exact = whole && !hasPendingUpdates(doc);
  return { doc, bytes, loadedRows, storedState: exact ? answer.state : undefined };
}

/**
 * Resolves after one poll phase of the event loop: an immediate queued from
 * an immediate runs in the next loop iteration, after its I/O callbacks.
 */
function turnOfEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

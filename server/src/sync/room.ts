import { CloseCode, closeCodeName, SyncMessageType } from '@samverka/model';
import * as decoding from 'lib0/decoding';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { SyncLimits } from '../config.ts';
import type { Logger } from '../logger.ts';
import { replayUpdates } from '../storage/replayUpdates.ts';
import { encodeStateSized } from '../storage/stateEncoding.ts';
import { AnswerBudget } from './answerBudget.ts';
import {
  filterAwarenessUpdate,
  MAX_AWARENESS_FRAME_BYTES,
  MAX_AWARENESS_IDS_PER_CONNECTION,
} from './awarenessGuard.ts';
import { CoveredRows } from './coveredRows.ts';
import { DocumentSizeLimit } from './documentSizeLimit.ts';
import type { DocumentValidator } from './documentValidator.ts';
import { DurableAcks, isIntegrated } from './durableAcks.ts';
import type { GroupCommitWriter } from './groupCommitWriter.ts';
import type { SentAnswer, StoredAnswer } from './storedAnswer.ts';
import type { ConnectionInfo, SyncSocket } from './syncConnection.ts';
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate, frameSyncStep2 } from './syncMessages.ts';
import type { SyncMetrics } from './syncMetrics.ts';

interface ConnectionState extends ConnectionInfo {
  /** Awareness client ids this socket has announced, removed when it leaves. */
  awarenessIds: Set<number>;
  awarenessTokens: number;
  awarenessRefilledAt: number;
  /** What the socket was sent from the stored log while the room loaded, until its first sync step 1. */
  sentAnswer?: SentAnswer | undefined;
}

export interface RoomDeps {
  writer: GroupCommitWriter;
  limits: SyncLimits;
  metrics: SyncMetrics;
  log: Logger;
  /** The document kind's schema check, run on every update before it is applied (registers only). */
  validator?: DocumentValidator | undefined;
  /** Called when the last connection leaves or the room must be dropped. */
  onEmpty(room: Room): void;
  onStorageFailure(room: Room): void;
  /** An update of `bytes` bytes was committed. */
  onCommitted(room: Room, bytes: number): void;
  /** A person's change to the document is stored. */
  onEdited?(room: Room, userId: string): void;
  /** Where this process's committed updates and its sockets' awareness go to the other processes. */
  relay?: { publishUpdate(update: Uint8Array): void; publishAwareness(update: Uint8Array): void } | undefined;
  /** Bytes the document's stored log held when it was loaded (counted against `maxDocumentBytes`). */
  storedBytes?: number;
  /** Ids of the log rows the doc was loaded from. */
  loadedRows?: readonly number[];
  /** The stored document the doc was loaded from, when the doc is exactly it (e.g. a compacted state). */
  storedState?: Uint8Array | undefined;
  /** The load whose stored log sockets may have been sent while it ran, when the doc is exactly that log. */
  loadedFrom?: StoredAnswer | undefined;
}

/** How long a room keeps its stored state for the first client's answer. */
const STORED_ANSWER_KEEP_MS = 10_000;

/** The origin of changes that another process has already stored: relayed locally, never stored again. */
const STORED_ELSEWHERE = Symbol('stored elsewhere');

/** Thrown for frames that do not decode as the y-websocket protocol. */
class MalformedFrame extends Error {}

/**
 * One loaded document and the sockets editing it. Updates are applied to the
 * in-memory Y.Doc, appended to the log, and relayed only once committed.
 */
export class Room {
  /** The document, unless it sleeps (see `sleepIfIdle`); `doc` wakes it. */
  private live: Y.Doc | undefined;
  /** The state of a sleeping doc, encoded. */
  private asleep: Uint8Array | undefined;
  /** Whether the doc changed or was read since the last `sleepIfIdle` looked. */
  private active = true;
  readonly awareness: Awareness;
  private readonly connections = new Map<SyncSocket, ConnectionState>();
  private lastCommit: Promise<void> = Promise.resolve();
  private failed = false;
  private destroyed = false;
  private readonly acks = new DurableAcks();
  /** Counts awareness 'update' events, to tell a changing frame from an echo. */
  private awarenessChanges = 0;
  private readonly answers: AnswerBudget;
  /** Sockets corked during this tick (see `send`) and the bytes sent to each meanwhile. */
  private readonly corked = new Map<SyncSocket, number>();
  private readonly size: DocumentSizeLimit;
  /** The log rows this doc has applied, which its state can replace at unload. */
  readonly coveredRows: CoveredRows;
  /** The stored log this doc is exactly (until its first change), for sockets answered from it during the load. */
  private loadedFrom: StoredAnswer | undefined;

  constructor(
    readonly documentId: string,
    doc: Y.Doc,
    private readonly deps: RoomDeps,
  ) {
    this.live = doc;
    this.answers = new AnswerBudget(deps.limits.maxFrameBytes);
    this.size = new DocumentSizeLimit(deps.storedBytes ?? 0, deps.limits.maxDocumentBytes);
    this.coveredRows = new CoveredRows(deps.loadedRows);
    this.loadedFrom = deps.loadedFrom;
    // The first client asks for everything: the stored state is that answer, already encoded.
    if (deps.storedState) this.answers.prime(frameSyncStep2(deps.storedState), STORED_ANSWER_KEEP_MS);
    // Awareness borrows a doc only for its own client id and destroy event: an empty one of its own,
    // so a sleeping room's document is not held through it.
    this.awareness = new Awareness(new Y.Doc());
    // The server itself is not a collaborator; its own awareness entry would be noise.
    this.awareness.setLocalState(null);
    doc.on('update', this.handleDocUpdate);
    this.awareness.on('update', this.handleAwarenessUpdate);
  }

  /** The room's document; a sleeping one is woken (its encoded state applied to a new doc). */
  get doc(): Y.Doc {
    this.active = true;
    return this.live ?? this.wake();
  }

  /**
   * Lets the doc sleep when nothing changed or read it since the last call
   * (the registry's sweep calls this every `SYNC_SLEEP_AFTER_MS`): its encoded
   * state replaces it. A loaded Y.Doc holds about eight times its encoded size
   * in objects (an item, an ID and their numbers per struct: 208 KB of heap
   * for a 20 KB state), so idle rooms, their sockets still open, hold far less.
   * Awareness does not need the doc; an edit or a sync request wakes it (an
   * apply of the state: about a millisecond per 20 KB). Documents with a
   * schema check keep theirs (the check holds a replica of it), as do those
   * over `maxBytes` (slow to wake) and those with updates waiting for dependencies.
   */
  sleepIfIdle(maxBytes: number): boolean {
    const doc = this.live;
    if (this.active || !doc || this.failed || this.destroyed || this.deps.validator) {
      this.active = false;
      return false;
    }
    if (this.size.bytes > maxBytes || doc.store.pendingStructs || doc.store.pendingDs) return false;
    this.asleep = Y.encodeStateAsUpdate(doc);
    doc.off('update', this.handleDocUpdate);
    doc.destroy();
    this.live = undefined;
    return true;
  }

  get sleeping(): boolean {
    return this.live === undefined;
  }

  private wake(): Y.Doc {
    const doc = new Y.Doc({ gc: true });
    if (this.asleep) replayUpdates([this.asleep], doc);
    this.asleep = undefined;
    this.live = doc;
    // A destroyed room's (see `destroy`) is destroyed by the caller and never stores anything.
    if (!this.destroyed) doc.on('update', this.handleDocUpdate);
    return doc;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Bytes the document's log holds (an upper bound for its encoded state). */
  get storedBytes(): number {
    return this.size.bytes;
  }

  /**
   * Adds a socket; returns false (and closes it) when the room is full, failed or gone.
   * `sentAnswer`: what it was sent from the stored log while the room loaded.
   */
  addConnection(socket: SyncSocket, info: ConnectionInfo, sentAnswer?: SentAnswer): boolean {
    // A socket that raced a storage failure or an unload must not edit a doc nobody persists.
    if (this.failed || this.destroyed) {
      this.closeSocket(socket, this.failed ? CloseCode.STORAGE_UNAVAILABLE : CloseCode.GOING_AWAY);
      return false;
    }
    if (this.connections.size >= this.deps.limits.maxConnectionsPerDocument) {
      this.closeSocket(socket, CloseCode.ROOM_FULL);
      return false;
    }
    const now = Date.now();
    this.connections.set(socket, {
      ...info,
      awarenessIds: new Set(),
      awarenessTokens: this.deps.limits.awarenessUpdatesPerSecond,
      awarenessRefilledAt: now,
      sentAnswer,
    });
    this.send(socket, encodeSyncStep1(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) this.send(socket, encodeAwareness(this.awareness, present));
    return true;
  }

  /** Forgets a socket that closed, removing the presence it announced. */
  removeConnection(socket: SyncSocket): void {
    const state = this.connections.get(socket);
    if (!state) return;
    this.connections.delete(socket);
    if (state.awarenessIds.size > 0) removeAwarenessStates(this.awareness, [...state.awarenessIds], null);
    if (this.connections.size === 0) this.deps.onEmpty(this);
  }

  /** Closes every socket, e.g. on shutdown. */
  closeAll(code: number): void {
    for (const socket of [...this.connections.keys()]) this.closeSocket(socket, code);
  }

  /** Handles one binary frame from a socket; a bad frame closes that socket only. */
  receive(socket: SyncSocket, frame: Uint8Array): void {
    const state = this.connections.get(socket);
    if (!state) return;
    this.deps.metrics.messagesIn.inc();
    this.deps.metrics.bytesIn.inc(frame.byteLength);
    try {
      this.dispatch(socket, state, frame);
    } catch (error) {
      this.deps.log.warn({ documentId: this.documentId, err: describe(error) }, 'malformed sync frame');
      this.closeSocket(socket, CloseCode.MALFORMED_MESSAGE);
    }
  }

  /**
   * Applies an update the server itself made (an import), through the same
   * schema check, log and relay as a socket's; resolves once it is committed.
   */
  async applyServerUpdate(update: Uint8Array): Promise<void> {
    if (this.failed || this.destroyed) throw new Error('room is closed');
    const verdict = this.deps.validator?.admit(update);
    if (verdict && !verdict.ok) throw new Error(`server update refused: ${verdict.reason}`);
    Y.applyUpdate(this.doc, update, this);
    await this.lastCommit;
    if (this.failed) throw new Error('storage refused the update');
  }

  /**
   * Applies updates already in the shared log (relayed by another process, or
   * re-read after a relay outage): local sockets get what is new to this doc;
   * nothing is stored or published again. One transaction, so a re-read of the
   * whole log yields one update event with only what was missing.
   */
  applyStored(updates: readonly Uint8Array[]): void {
    if (this.failed || this.destroyed) return;
    // The register check's replica must hold what the room holds (another process checked these).
    this.deps.validator?.stored(updates);
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update);
    }, STORED_ELSEWHERE);
  }

  /** Applies another process's sockets' awareness, relayed here to local sockets only. */
  applyRelayedAwareness(update: Uint8Array): void {
    if (this.failed || this.destroyed) return;
    applyAwarenessUpdate(this.awareness, update, STORED_ELSEWHERE);
  }

  get closed(): boolean {
    return this.failed || this.destroyed;
  }

  /** Resolves when every update applied so far is committed. */
  flushed(): Promise<void> {
    return this.lastCommit;
  }

  destroy(): void {
    this.destroyed = true;
    this.awareness.off('update', this.handleAwarenessUpdate);
    this.awareness.destroy();
    this.asleep = undefined;
    const doc = this.live ?? this.wake();
    doc.off('update', this.handleDocUpdate);
    doc.destroy();
    // The Room object outlives this call (an unload's compaction still holds it while storage
    // works), and a destroyed Y.Doc keeps its content: let the content go now, so a large
    // document's memory can be collected before its state is written.
    doc.store.clients.clear();
    doc.share.clear();
  }

  /**
   * The document's state encoded (for a compaction), into about `sizeHint`
   * bytes; a sleeping doc's is at hand without waking it.
   */
  encodeState(sizeHint: number): Uint8Array {
    return this.asleep ?? encodeStateSized(this.doc, undefined, sizeHint);
  }

  /** Whether updates wait for dependencies (a sleeping doc has none). */
  get hasPendingUpdates(): boolean {
    const store = this.live?.store;
    return !!store && (store.pendingStructs !== null || store.pendingDs !== null);
  }

  private dispatch(socket: SyncSocket, state: ConnectionState, frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case SyncMessageType.SYNC:
        this.receiveSync(socket, state, decoder);
        break;
      case SyncMessageType.AWARENESS:
        this.receiveAwareness(socket, state, decoding.readVarUint8Array(decoder));
        break;
      case SyncMessageType.QUERY_AWARENESS:
        // Its answer can be far larger than the query: none while the socket has not read the last ones.
        if (this.answers.backlogAllows(socket, 0)) {
          this.send(socket, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        }
        break;
      case SyncMessageType.AUTH:
        break; // Auth happens at the upgrade; in-band auth frames carry nothing for us.
      default:
        throw new MalformedFrame(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new MalformedFrame('trailing bytes');
  }

  private receiveSync(socket: SyncSocket, state: ConnectionState, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      let stateVector = decoding.readVarUint8Array(decoder);
      const asked = Y.decodeStateVector(stateVector); // validates before we answer
      const sent = state.sentAnswer;
      if (sent) {
        state.sentAnswer = undefined;
        // Answered from the very log this doc holds, and nothing changed since: it has everything.
        if (sent.from === this.loadedFrom) return;
        // Otherwise only what the doc holds beyond what that answer and the socket's own state cover.
        stateVector = Y.encodeStateVector(sent.from.covered(sent.asked, asked));
      }
      // The budget is checked before encoding: a burst of step 1 frames costs one answer.
      if (!this.answers.mayAnswerSyncStep1(socket)) return;
      // Answer only with committed state, so no client ever learns of an
      // update that a crash could still take back. Encode now: everything in the
      // doc at this moment is covered by `lastCommit`, while updates applied
      // before it resolves are not (they are relayed once their own commit lands).
      const answer = this.answers.answerSyncStep1(socket, stateVector, (vector) =>
        encodeSyncStep2(this.doc, vector, this.size.bytes),
      );
      void this.lastCommit.then(() => {
        this.answers.delivered(socket);
        if (this.connections.has(socket)) this.send(socket, answer);
      });
      return;
    }
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
      throw new MalformedFrame(`unknown sync message ${syncType}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    // Read-only connections: the frame is read (so it is well-formed) and dropped.
    if (state.mode === 'read-only') return;
    if (!this.size.admits(update.byteLength)) {
      this.deps.log.warn({ documentId: this.documentId, bytes: this.size.bytes }, 'update refused: document too large');
      this.closeSocket(socket, CloseCode.DOCUMENT_TOO_LARGE);
      return;
    }
    const verdict = this.deps.validator?.admit(update);
    if (verdict && !verdict.ok) {
      this.deps.log.warn({ documentId: this.documentId, reason: verdict.reason }, 'update refused by schema check');
      this.closeSocket(socket, CloseCode.SCHEMA_REJECTED);
      return;
    }
    Y.applyUpdate(this.doc, update, socket);
    if (!this.boundPending(socket) || !state.acks) return;
    // `lastCommit` now covers this frame (set by the doc's update event, or earlier if it changed nothing).
    this.acks.applied(socket, isIntegrated(this.doc, update), this.lastCommit, (frame) => {
      if (!this.failed && this.connections.has(socket)) this.send(socket, frame);
    });
  }

  /**
   * Updates whose dependencies never arrived wait in memory (and are never
   * stored). A real client's gap closes within moments; a hostile one could
   * grow it forever, so past two frames' worth the waiting part is dropped and
   * the sender closed. Nothing durable is lost: clients re-send on reconnect.
   */
  private boundPending(socket: SyncSocket): boolean {
    const store = this.doc.store;
    const pending = (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0);
    if (pending <= 2 * this.deps.limits.maxFrameBytes) return true;
    store.pendingStructs = null;
    store.pendingDs = null;
    this.deps.validator?.reset();
    this.deps.log.warn({ documentId: this.documentId, bytes: pending }, 'dropped updates with missing dependencies');
    this.closeSocket(socket, CloseCode.MALFORMED_MESSAGE);
    return false;
  }

  private receiveAwareness(socket: SyncSocket, state: ConnectionState, update: Uint8Array): void {
    if (update.byteLength > MAX_AWARENESS_FRAME_BYTES) {
      this.closeSocket(socket, CloseCode.FRAME_TOO_LARGE);
      return;
    }
    // A socket speaks only for its own few client ids: it cannot fill memory with
    // made-up presences, nor rewrite or erase anyone else's.
    const filtered = filterAwarenessUpdate(update, (clientId, clock) => {
      if (state.awarenessIds.has(clientId)) return true;
      const owner = this.awarenessOwnerOf(clientId);
      // The same person reconnecting (old socket not yet timed out) takes their id over with a
      // newer state. Echoes (clients re-send what they receive) carry the same clock and never do.
      const newer = clock > (this.awareness.meta.get(clientId)?.clock ?? -1);
      if (owner && !(newer && owner.userId !== undefined && owner.userId === state.userId)) return false;
      if (state.awarenessIds.size >= MAX_AWARENESS_IDS_PER_CONNECTION) return false;
      owner?.awarenessIds.delete(clientId);
      state.awarenessIds.add(clientId);
      return true;
    });
    if (filtered.kept === 0) return;
    const changesBefore = this.awarenessChanges;
    applyAwarenessUpdate(this.awareness, filtered.update, socket);
    // y-websocket clients echo every awareness change they receive, so one
    // flooder would drain everyone's budget. Echoes are no-ops here (same or
    // older clock): only frames that change something are charged.
    if (this.awarenessChanges === changesBefore) return;
    const now = Date.now();
    const rate = this.deps.limits.awarenessUpdatesPerSecond;
    state.awarenessTokens = Math.min(rate, state.awarenessTokens + ((now - state.awarenessRefilledAt) / 1000) * rate);
    state.awarenessRefilledAt = now;
    if (state.awarenessTokens < 1) {
      this.closeSocket(socket, CloseCode.RATE_LIMITED);
      return;
    }
    state.awarenessTokens -= 1;
  }

  private awarenessOwnerOf(clientId: number): ConnectionState | undefined {
    for (const other of this.connections.values()) if (other.awarenessIds.has(clientId)) return other;
    return undefined;
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.loadedFrom = undefined;
    this.size.add(update.byteLength);
    this.answers.documentChanged();
    if (origin === STORED_ELSEWHERE) {
      // Committed by the process that received it; it waits for no commit of ours.
      const frame = encodeUpdate(update);
      for (const socket of this.connections.keys()) this.send(socket, frame);
      return;
    }
    const commit = this.deps.writer.append(this.documentId, update);
    this.lastCommit = commit.then(
      () => undefined,
      () => undefined,
    );
    commit.then(
      (rowId) => {
        // An earlier update's commit failed (commits overlap): this one may depend on it, so it
        // goes no further; its author re-sends both on reconnect.
        if (this.failed) return;
        this.coveredRows.add(rowId);
        this.deps.onCommitted(this, update.byteLength);
        const editor = this.connections.get(origin as SyncSocket)?.userId;
        if (editor) this.deps.onEdited?.(this, editor);
        const frame = encodeUpdate(update);
        for (const socket of this.connections.keys()) if (socket !== origin) this.send(socket, frame);
        // Published only once committed (append before relay holds across processes too).
        this.deps.relay?.publishUpdate(update);
      },
      (error: unknown) => this.failStorage(error),
    );
  };

  private readonly handleAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    this.awarenessChanges += 1;
    const origins = this.connections.get(origin as SyncSocket);
    if (origins) {
      for (const id of change.added) origins.awarenessIds.add(id);
      for (const id of change.removed) origins.awarenessIds.delete(id);
    }
    const changed = [...change.added, ...change.updated, ...change.removed];
    const frame = encodeAwareness(this.awareness, changed);
    for (const socket of this.connections.keys()) this.send(socket, frame);
    if (origin !== STORED_ELSEWHERE) this.deps.relay?.publishAwareness(encodeAwarenessUpdate(this.awareness, changed));
  };

  /**
   * A failed commit means memory holds what storage does not. Drop the room and
   * close its sockets: on reconnect each client re-sends what the server lacks.
   */
  private failStorage(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.deps.log.error({ documentId: this.documentId, err: describe(error) }, 'update log append failed');
    this.closeAll(CloseCode.STORAGE_UNAVAILABLE);
    this.deps.onStorageFailure(this);
  }

  private send(socket: SyncSocket, frame: Uint8Array): void {
    // A client that stops reading would make the server buffer every relay for
    // it; past four frames' worth it is dropped and resyncs when it reconnects.
    // What this tick's cork holds back is ours to write, not the client's backlog.
    const held = this.corked.get(socket) ?? 0;
    if ((socket.bufferedAmount ?? 0) - held > 4 * this.deps.limits.maxFrameBytes) {
      this.closeSocket(socket, CloseCode.GOING_AWAY);
      return;
    }
    try {
      this.corkUntilNextTick(socket, frame.byteLength);
      socket.send(frame);
      this.deps.metrics.messagesOut.inc();
      this.deps.metrics.bytesOut.inc(frame.byteLength);
    } catch {
      this.closeSocket(socket, CloseCode.GOING_AWAY);
    }
  }

  /**
   * A group commit resolves every update it stored in one run of microtasks,
   * and each is relayed on its own: corked, a socket writes them all in one
   * system call instead of one per frame (the profile of a one-writer replay
   * spent about a seventh of the server's CPU in writev).
   */
  private corkUntilNextTick(socket: SyncSocket, bytes: number): void {
    if (!socket.cork) return;
    const held = this.corked.get(socket);
    if (held === undefined) {
      socket.cork();
      if (this.corked.size === 0) process.nextTick(this.uncorkAll);
    }
    this.corked.set(socket, (held ?? 0) + bytes);
  }

  private readonly uncorkAll = (): void => {
    for (const socket of this.corked.keys()) socket.uncork?.();
    this.corked.clear();
  };

  private closeSocket(socket: SyncSocket, code: number): void {
    this.deps.metrics.closes.inc(1, { reason: closeCodeName(code) ?? String(code) });
    try {
      socket.close(code, closeCodeName(code) ?? '');
    } catch {
      // already closed
    }
    this.removeConnection(socket);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

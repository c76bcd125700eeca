import { CloseCode } from '@samverka/model';
import type { SyncLimits } from '../config.ts';
import type { Logger } from '../logger.ts';
import { Gauge, type MetricsRegistry } from '../metrics.ts';
import type { UpdateLogStore } from '../storage/updateLogStore.ts';
import { collectGarbage, LARGE_DOCUMENT_BYTES } from './collectGarbage.ts';
import type { DocumentRelay } from './documentRelay.ts';
import { validatorFor } from './documentValidator.ts';
import { GroupCommitWriter } from './groupCommitWriter.ts';
import { Room } from './room.ts';
import { type LoadedDocument, loadRoom } from './roomLoader.ts';
import { StoredAnswer } from './storedAnswer.ts';

/** A threshold compaction also waits until the bytes appended since the last one reach its state's size / this. */
const COMPACTION_GROWTH_DIVISOR = 4;
/** Larger documents stay awake: waking one costs an apply of its state (about 5 ms per 100 KB warm). */
const MAX_SLEEPING_DOCUMENT_BYTES = 256 * 1024;

import { createSyncMetrics, type SyncMetrics } from './syncMetrics.ts';

interface RoomEntry {
  room: Promise<Room>;
  /** Set while the room loads. */
  loading?: StoredAnswer | undefined;
  /** Set once it has loaded. */
  loaded?: Room;
  unloadTimer?: NodeJS.Timeout;
  /** Set while the room flushes and compacts on its way out. */
  unloading?: Promise<void>;
  commitsSinceCompaction: number;
  /** Bytes of the updates committed since the last compaction. */
  bytesSinceCompaction: number;
  /** Size of the state the last compaction stored (0 before the first). */
  compactedStateBytes: number;
  /** The compaction in flight, if any; the unload waits for it and then compacts the rest. */
  compaction?: Promise<void>;
}

/**
 * Keeps one Room per loaded document: loads it from the update log on first
 * connection and unloads it a grace period after the last one leaves.
 */
export class RoomRegistry {
  private readonly entries = new Map<string, RoomEntry>();
  private readonly writer: GroupCommitWriter;
  readonly metrics: SyncMetrics;
  private connections = 0;
  private sleepSweep: NodeJS.Timeout | undefined;
  /** Per loaded room, the function that stops hearing its document from the other processes. */
  private readonly relayLeaves = new Map<Room, () => void>();

  constructor(
    private readonly store: UpdateLogStore,
    private readonly limits: SyncLimits,
    private readonly log: Logger,
    metricsRegistry: MetricsRegistry,
    /** Told who changed a document, once the change is stored (for "last edited by"). */
    private readonly onEdited?: (documentId: string, userId: string) => void,
    /** The other server processes (Redis), when there are any. */
    private readonly relay?: DocumentRelay,
  ) {
    this.metrics = createSyncMetrics(metricsRegistry);
    this.writer = new GroupCommitWriter(store, (_count, seconds) => this.metrics.appendSeconds.observe(seconds));
    metricsRegistry.register(new Gauge('samverka_rooms', 'Documents loaded in memory', () => this.entries.size));
    metricsRegistry.register(new Gauge('samverka_connections', 'Open sync connections', () => this.connections));
    relay?.onReconnect(() => void this.rereadLoaded());
    if (limits.sleepAfterMs > 0) {
      this.sleepSweep = setInterval(() => this.sleepIdleRooms(), limits.sleepAfterMs);
      this.sleepSweep.unref();
    }
  }

  /** Lets every loaded room whose doc was left alone since the last sweep sleep (see `Room.sleepIfIdle`). */
  private sleepIdleRooms(): void {
    for (const entry of this.entries.values()) {
      if (entry.loaded && !entry.unloading && !entry.compaction) entry.loaded.sleepIfIdle(MAX_SLEEPING_DOCUMENT_BYTES);
    }
  }

  /** The loaded room for a document, loading it if needed. Rejects if storage fails. */
  async open(documentId: string): Promise<Room> {
    let entry = this.entries.get(documentId);
    if (entry?.unloading) {
      await entry.unloading;
      entry = this.entries.get(documentId);
    }
    if (!entry) {
      const answer = new StoredAnswer();
      entry = {
        room: this.load(documentId, answer),
        loading: answer,
        commitsSinceCompaction: 0,
        bytesSinceCompaction: 0,
        compactedStateBytes: 0,
      };
      this.entries.set(documentId, entry);
      // A failed load must not leave a half-made room behind for the next try.
      entry.room.catch(() => this.entries.delete(documentId));
      const loaded = entry;
      void entry.room.then(
        (room) => {
          loaded.loading = undefined;
          loaded.loaded = room;
        },
        () => undefined,
      );
    }
    if (entry.unloadTimer) {
      clearTimeout(entry.unloadTimer);
      entry.unloadTimer = undefined;
    }
    return entry.room;
  }

  /**
   * While a document's room loads, the log as it is being read (to answer a
   * socket's sync step 1 before the room exists); undefined once it is loaded.
   */
  storedAnswerWhileLoading(documentId: string): StoredAnswer | undefined {
    return this.entries.get(documentId)?.loading;
  }

  /** Counts a socket accepted by a room (for the connections gauge). */
  trackConnection(delta: 1 | -1): void {
    this.connections += delta;
  }

  /** Every loaded room, for closing a user's sockets across documents. */
  async loadedRooms(): Promise<Room[]> {
    const settled = await Promise.allSettled([...this.entries.values()].map((e) => e.room));
    return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  }

  /**
   * Closes a document's open sockets with `code` and waits for their last commits:
   * DOCUMENT_NOT_FOUND for a deleted document, REAUTHORIZE when its archiving
   * changed what the sockets may do (they reconnect and are authorised anew).
   */
  async closeDocument(documentId: string, code: number = CloseCode.DOCUMENT_NOT_FOUND): Promise<void> {
    const entry = this.entries.get(documentId);
    if (!entry) return;
    const room = await entry.room.catch(() => undefined);
    if (!room) return;
    room.closeAll(code);
    await room.flushed();
  }

  /** Flushes every pending update and closes all sockets with `code` (graceful shutdown). */
  async shutdown(code: number): Promise<void> {
    clearInterval(this.sleepSweep);
    for (const room of await this.loadedRooms()) room.closeAll(code);
    await this.writer.drain();
    await Promise.allSettled([...this.entries.keys()].map((id) => this.unload(id)));
  }

  private async load(documentId: string, answer: StoredAnswer): Promise<Room> {
    const { room, leave } = await loadRoom(
      {
        store: this.store,
        log: this.log,
        relay: this.relay,
        createRoom: (id, loaded, from) => this.createRoom(id, loaded, from),
      },
      documentId,
      answer,
    );
    if (leave) this.relayLeaves.set(room, leave);
    return room;
  }

  /**
   * After a relay outage, whatever the other processes published meanwhile may
   * be missing here: each loaded room re-reads its whole log. Applying what a doc
   * already has changes nothing, so only the missing part reaches the sockets.
   * (A watermark on the log's ids would read less, but ids are taken before
   * commit: a row committed late under a lower id would slip under it.)
   */
  private async rereadLoaded(): Promise<void> {
    for (const room of await this.loadedRooms()) {
      if (room.closed) continue;
      try {
        for await (const batch of this.store.loadUpdateBatches(room.documentId)) room.applyStored(batch);
      } catch (error) {
        this.log.error({ documentId: room.documentId, err: String(error) }, 're-read after relay outage failed');
      }
    }
  }

  /** A room for a loaded doc; `answer` is what sockets joining during the load may have been sent. */
  private createRoom(documentId: string, loaded: LoadedDocument, answer: StoredAnswer): Room {
    const { doc, bytes, loadedRows, storedState } = loaded;
    const relay = this.relay;
    return new Room(documentId, doc, {
      relay: relay && {
        publishUpdate: (update) => relay.publishUpdate(documentId, update),
        publishAwareness: (update) => relay.publishAwareness(documentId, update),
      },
      writer: this.writer,
      limits: this.limits,
      metrics: this.metrics,
      log: this.log,
      validator: validatorFor(doc),
      onEmpty: (room) => this.scheduleUnload(room.documentId),
      onStorageFailure: (room) => this.drop(room.documentId),
      onCommitted: (room, bytes) => this.noteCommit(room, bytes),
      onEdited: (room, userId) => this.onEdited?.(room.documentId, userId),
      storedBytes: bytes,
      loadedRows,
      storedState,
      loadedFrom: storedState ? answer : undefined,
    });
  }

  /**
   * For a room opened for a socket that then never joined it (closed during the
   * load, or turned away): unload it like any room whose last socket left.
   */
  releaseIfIdle(room: Room): void {
    if (room.connectionCount === 0) this.scheduleUnload(room.documentId);
  }

  private scheduleUnload(documentId: string): void {
    const entry = this.entries.get(documentId);
    if (!entry || entry.unloadTimer) return;
    entry.unloadTimer = setTimeout(() => void this.unload(documentId), this.limits.roomUnloadGraceMs);
    entry.unloadTimer.unref();
  }

  private async unload(documentId: string): Promise<void> {
    const entry = this.entries.get(documentId);
    if (!entry || entry.unloading) return;
    const room = await entry.room;
    if (room.connectionCount > 0) return;
    entry.unloading = (async () => {
      await room.flushed();
      // A threshold compaction may be running; rows committed after it read the log still need merging.
      await entry.compaction?.catch(() => undefined);
      this.leaveRelay(room);
      await this.compactAtUnload(room, entry).catch((error: unknown) =>
        this.log.warn({ documentId, err: String(error) }, 'compaction on unload failed'),
      );
      // A storage failure may have dropped this entry and a new room taken its place.
      if (this.entries.get(documentId) === entry) this.entries.delete(documentId);
    })();
    await entry.unloading;
  }

  private drop(documentId: string): void {
    const entry = this.entries.get(documentId);
    if (!entry) return;
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    this.entries.delete(documentId);
    void entry.room.then((room) => {
      room.destroy();
      this.leaveRelay(room);
    });
  }

  private leaveRelay(room: Room): void {
    this.relayLeaves.get(room)?.();
    this.relayLeaves.delete(room);
  }

  private noteCommit(room: Room, bytes: number): void {
    const entry = this.entries.get(room.documentId);
    if (!entry) return;
    entry.commitsSinceCompaction += 1;
    entry.bytesSinceCompaction += bytes;
    // Each compaction encodes the whole document: it waits until the rows appended since the last
    // one are a fair part of it, so a growing document costs linear work in all, not quadratic.
    const due =
      entry.commitsSinceCompaction >= this.limits.compactionThreshold &&
      entry.bytesSinceCompaction >= entry.compactedStateBytes / COMPACTION_GROWTH_DIVISOR;
    if (due && !entry.compaction) {
      void this.compactLoaded(room, entry).catch((error: unknown) =>
        this.log.warn({ documentId: room.documentId, err: String(error) }, 'compaction failed'),
      );
    }
  }

  /**
   * A threshold compaction of a loaded room. Its doc already is the merge of
   * the rows it covers, so its state (encoded once, in a few milliseconds for
   * a document of hundreds of kilobytes) replaces exactly those rows; the log
   * is not read back and replayed into a second doc on the relay loop (the
   * profile of a 259,778-update replay spent a third of the server's CPU
   * there, and every append waited behind the compaction's transaction).
   * Rows the doc has not applied are left for the unload's full compaction.
   * The state may already hold updates whose own append is still on its way:
   * that stores nothing unacknowledged as lost, and they are never relayed
   * before their own commit.
   */
  private compactLoaded(room: Room, entry: RoomEntry): Promise<void> {
    entry.compaction ??= (async () => {
      try {
        entry.commitsSinceCompaction = 0;
        entry.bytesSinceCompaction = 0;
        const rows = room.coveredRows.list().sort((a, b) => a - b);
        if (room.closed || rows.length < 2 || room.hasPendingUpdates) return;
        const state = room.encodeState(room.storedBytes);
        entry.compactedStateBytes = state.byteLength;
        if (await this.store.replaceRows(room.documentId, rows, state)) {
          room.coveredRows.compacted(rows);
          this.metrics.compactions.inc();
        }
      } finally {
        entry.compaction = undefined;
      }
    })();
    return entry.compaction;
  }

  /**
   * Everything is committed and nobody is connected. The room's doc already is
   * the merge of the rows it loaded and appended: its state, encoded once,
   * replaces exactly those rows, and the doc is freed (and, when large,
   * collected) before the state is written. Replaying the log into a second doc (the threshold compaction)
   * held the document about three times over; it is left for rows the room
   * did not apply, or a doc with updates still waiting for dependencies
   * (some of which may be stored rows its state would leave out).
   */
  private async compactAtUnload(room: Room, entry: RoomEntry): Promise<void> {
    const { documentId } = room;
    const rows = room.coveredRows.list();
    const large = room.storedBytes >= LARGE_DOCUMENT_BYTES;
    const replaceable = rows.length > 1 && !room.hasPendingUpdates;
    // What loading and serving the document left behind goes first, then the doc once encoded.
    if (large && replaceable) collectGarbage();
    const state = replaceable ? room.encodeState(room.storedBytes) : undefined;
    room.destroy();
    if (large) collectGarbage();
    // The room is gone and the state is not read again: the store may take it rather than copy it.
    if (state && (await this.store.replaceRows(documentId, rows, state, { handOver: true }))) {
      this.metrics.compactions.inc();
    }
    if ((await this.store.countUpdates(documentId)) > 1) await this.compact(documentId, entry);
  }

  /** Merges the whole stored log by replaying it (the unload's last step, for rows the room did not apply). */
  private compact(documentId: string, entry: RoomEntry): Promise<void> {
    entry.compaction ??= (async () => {
      try {
        entry.commitsSinceCompaction = 0;
        const merged = await this.store.compact(documentId);
        if (merged > 1) this.metrics.compactions.inc();
      } finally {
        entry.compaction = undefined;
      }
    })();
    return entry.compaction;
  }
}

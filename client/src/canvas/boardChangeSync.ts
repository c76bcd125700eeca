import { type RecordsDiff, squashRecordDiffs, type TLRecord, type TLStore } from 'tldraw';

/**
 * How a live canvas paces what crosses between tldraw's store and the board's Y.Doc
 * while someone drags (issue 14). tldraw renders a store change of a 2,000-shape
 * board in several milliseconds whatever its size (it re-derives the shapes to
 * render and reconciles their list), so the receiving browser merges at most one
 * batch of remote changes a frame: the first at once, anything arriving after it
 * in the same frame (the cursor that follows a move, or several updates that queued
 * up while the page was busy) together, in one `mergeRemoteChanges`, before the next
 * frame. The sending side already writes at most once a frame, because tldraw hands
 * its store listeners the changes once a frame; `LocalChangeQueue` can space writes
 * further (tldraw's own sync pushes at most 30 times a second), which trades
 * latency for fewer frames.
 */

/** Runs `flush` now or later; returns what cancels it. */
export type Schedule = (flush: () => void) => () => void;

/** Runs at once: what tests, and code that must see its change applied, use. */
export const atOnce: Schedule = (flush) => {
  flush();
  return () => undefined;
};

/** Longest wait for a frame: a hidden tab gets none, and its store must still follow the document. */
const FRAME_FALLBACK_MS = 100;

/**
 * Runs just before the browser's next frame, when it would paint a change made now
 * anyway (so nothing is shown later than it would have been), or after
 * FRAME_FALLBACK_MS when no frame comes.
 */
export const beforeNextFrame: Schedule = (flush) => {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    flush();
  };
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, FRAME_FALLBACK_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

/**
 * The first batch of a frame runs at once; later ones wait for `beforeNextFrame`.
 * Each call makes a pacer with its own idea of "this frame".
 */
export function oncePerFrame(): Schedule {
  let ranThisFrame = false;
  const ran = () => {
    if (ranThisFrame) return;
    ranThisFrame = true;
    requestAnimationFrame(() => {
      ranThisFrame = false;
    });
  };
  return (flush) => {
    // A hidden tab draws no frames (the mark would never clear): apply as changes come.
    if (ranThisFrame && !document.hidden) {
      return beforeNextFrame(() => {
        ran();
        flush();
      });
    }
    ran();
    flush();
    return () => undefined;
  };
}

/**
 * Remote changes waiting for the store: each source (the board, the cursors) keeps
 * what it has to apply under its own key, and all of them are applied together, in
 * one `mergeRemoteChanges`, when the schedule says.
 */
export class RemoteChangeBatch {
  private readonly pending = new Map<string, () => void>();
  private readonly beforeApplying = new Set<() => void>();
  private scheduled = false;
  private cancel: (() => void) | undefined;

  constructor(
    private readonly store: TLStore,
    private readonly schedule: Schedule = atOnce,
  ) {}

  /** Queues `apply` (run inside the merge) under `key`, replacing what that key had queued. */
  queue(key: string, apply: () => void): void {
    this.pending.set(key, apply);
    if (this.scheduled) return;
    this.scheduled = true;
    const cancel = this.schedule(() => this.apply());
    // `atOnce` has applied (and unscheduled) before it returns.
    if (this.scheduled) this.cancel = cancel;
  }

  /** Runs `hook` before every merge (e.g. to write this person's own pending changes first). */
  beforeApply(hook: () => void): () => void {
    this.beforeApplying.add(hook);
    return () => this.beforeApplying.delete(hook);
  }

  /** Applies what is queued now. */
  apply(): void {
    this.unschedule();
    if (this.pending.size === 0) return;
    for (const hook of this.beforeApplying) hook();
    const applies = [...this.pending.values()];
    this.pending.clear();
    this.store.mergeRemoteChanges(() => {
      for (const apply of applies) apply();
    });
  }

  /** Drops what is queued (the bindings are going away). */
  dispose(): void {
    this.unschedule();
    this.pending.clear();
  }

  private unschedule(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.scheduled = false;
  }
}

/**
 * This person's store changes not yet written to the document. The first change
 * after a quiet LIVE_FRAME_MS is written at once; changes within that time are
 * squashed into one diff and written when it has passed, so a drag sends one
 * transaction per interval however fast tldraw renders. An interval of 0 writes
 * every change as it comes.
 */
export class LocalChangeQueue {
  private diffs: RecordsDiff<TLRecord>[] = [];
  private lastWrite = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly write: (diff: RecordsDiff<TLRecord>) => void,
    private readonly intervalMs: number,
  ) {}

  add(diff: RecordsDiff<TLRecord>): void {
    this.diffs.push(diff);
    if (this.timer !== undefined) return;
    const wait = this.lastWrite + this.intervalMs - performance.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Writes everything pending now, in one diff. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.diffs.length === 0) return;
    const diff = this.diffs.length === 1 ? (this.diffs[0] as RecordsDiff<TLRecord>) : squashRecordDiffs(this.diffs);
    this.diffs = [];
    this.lastWrite = performance.now();
    this.write(diff);
  }
}

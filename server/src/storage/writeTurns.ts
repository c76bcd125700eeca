/**
 * Turns at SQLite's write lock between the main connection and the writer thread. Both
 * connections wait for the lock in SQLite's busy handler, which sleeps and retries with no
 * queue: while the thread commits back to back (an ingest), a main-thread write (a session, a
 * comment, "last edited by") kept missing the gaps between its commits, blocking the event
 * loop up to the busy timeout and then failing with SQLITE_BUSY. So the main thread says when
 * it wants the lock, and the thread lets it go first before its next transaction.
 */

/** How long the writer thread holds back for the main connection at most (a main transaction may await). */
export const MAIN_TURN_MAX_WAIT_MS = 100;

/** The main thread's side: a count, shared with the writer thread, of writes waiting or under way. */
export class MainWriteTurns {
  readonly shared = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));

  begin(): void {
    Atomics.add(this.shared, 0, 1);
  }

  end(): void {
    if (Atomics.sub(this.shared, 0, 1) === 1) Atomics.notify(this.shared, 0);
  }

  /** `write` (which runs a statement on the main connection) with the turn taken around it. */
  async during<T>(write: () => Promise<T>): Promise<T> {
    this.begin();
    try {
      return await write();
    } finally {
      this.end();
    }
  }
}

/**
 * The writer thread's side, before it takes the lock: while the main thread waits for it or
 * writes, wait (up to `maxMs`) for it to finish. Blocks the writer thread only.
 */
export function yieldToMainWrites(shared: Int32Array, maxMs = MAIN_TURN_MAX_WAIT_MS): void {
  const deadline = performance.now() + maxMs;
  for (;;) {
    const wanted = Atomics.load(shared, 0);
    const left = deadline - performance.now();
    if (wanted === 0 || left <= 0) return;
    Atomics.wait(shared, 0, wanted, left);
  }
}

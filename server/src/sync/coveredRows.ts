/**
 * The update-log rows a room's doc has applied: those it loaded and those it
 * appended. The doc's state covers each of them, so at unload that state can
 * replace exactly these rows without replaying the log into a second doc (see
 * `UpdateLogStore.replaceRows`). Rows it never saw (another process's, or ones
 * a compaction merged with such rows) are not listed and are left alone.
 */
export class CoveredRows {
  private readonly ids: Set<number>;

  constructor(ids: Iterable<number> = []) {
    this.ids = new Set(ids);
  }

  /** A row the room appended was committed. */
  add(id: number): void {
    this.ids.add(id);
  }

  /**
   * A compaction merged `merged` into a row under the last of those ids. That
   * row is covered only if every row merged into it was.
   */
  compacted(merged: readonly number[]): void {
    const last = merged[merged.length - 1];
    if (last === undefined) return;
    const allCovered = merged.every((id) => this.ids.has(id));
    for (const id of merged) this.ids.delete(id);
    if (allCovered) this.ids.add(last);
  }

  /** The covered rows' ids. */
  list(): number[] {
    return [...this.ids];
  }
}

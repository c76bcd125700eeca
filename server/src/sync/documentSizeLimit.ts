/**
 * The stored size of one document's update log, against `SYNC_MAX_DOCUMENT_BYTES`.
 * It starts at what the log held when the room loaded and grows by every update
 * appended, so it bounds what loading and compacting the document will hold in
 * memory (deletions only shrink it at the next compaction and load).
 */
export class DocumentSizeLimit {
  constructor(
    private stored: number,
    private readonly max: number,
  ) {}

  /** Bytes the log holds now, as far as this process knows. */
  get bytes(): number {
    return this.stored;
  }

  /** Whether an update of `bytes` may still be appended. */
  admits(bytes: number): boolean {
    return this.stored + bytes <= this.max;
  }

  /** Counts an appended update. */
  add(bytes: number): void {
    this.stored += bytes;
  }
}

/**
 * Holds the frames a socket sends while its document is still loading. A real
 * client sends a handful (sync step 1, awareness, perhaps an edit); the bounds
 * stop a hostile one from growing server memory before the room exists.
 */
export class EarlyFrameBuffer {
  private frames: Uint8Array[] = [];
  private bytes = 0;

  constructor(
    private readonly maxFrames: number,
    private readonly maxBytes: number,
  ) {}

  /** Keeps `frame`; returns false (keeping nothing more) once a bound is passed. */
  push(frame: Uint8Array): boolean {
    if (this.frames.length + 1 > this.maxFrames || this.bytes + frame.byteLength > this.maxBytes) {
      this.clear();
      return false;
    }
    this.frames.push(frame);
    this.bytes += frame.byteLength;
    return true;
  }

  /** Hands over every held frame in arrival order and empties the buffer. */
  take(): Uint8Array[] {
    const frames = this.frames;
    this.clear();
    return frames;
  }

  get size(): number {
    return this.frames.length;
  }

  clear(): void {
    this.frames = [];
    this.bytes = 0;
  }
}

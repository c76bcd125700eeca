import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Strings at least this long are written straight into the output buffer (shorter ones Yjs's way). */
const LONG_STRING_CHARS = 64 * 1024;
const utf8 = new TextEncoder();

/**
 * Yjs's encoder grows by doubling and then copies its parts into the result:
 * a 24 MB document cost about 80 MB of buffers to encode. With the output
 * buffer sized up front (the stored log's size is a close upper bound) the
 * state is written once into one buffer, and nothing is copied afterwards.
 */
class UncopiedEncoder extends Y.UpdateEncoderV1 {
  /** Yjs calls this for its own result; ours is read from `restEncoder` without a copy. */
  override toUint8Array(): Uint8Array {
    return new Uint8Array(0);
  }

  /**
   * lib0 encodes a long string into a fresh buffer of its own and then copies
   * that in: a transient copy as large as the string (a document of one long
   * text is mostly that). Measured first, the string is encoded in place.
   */
  override writeString(text: string): void {
    if (text.length < LONG_STRING_CHARS) {
      super.writeString(text);
      return;
    }
    const rest = this.restEncoder as unknown as encoding.Encoder;
    const bytes = Buffer.byteLength(text, 'utf8');
    encoding.writeVarUint(rest, bytes);
    if (rest.cbuf.length - rest.cpos < bytes) {
      // Past the size hint: lib0's way (the result is then copied once anyway).
      encoding.writeUint8Array(rest, utf8.encode(text));
      return;
    }
    const { written } = utf8.encodeInto(text, rest.cbuf.subarray(rest.cpos, rest.cpos + bytes));
    if (written !== bytes) throw new Error(`string encoded to ${written} bytes, measured ${bytes}`);
    rest.cpos += bytes;
  }
}

/**
 * Encodes a doc's integrated state (what `stateVector` lacks, or everything)
 * into one buffer of about `sizeHint` bytes. The first `headroom` bytes are left
 * free, e.g. for a message header. Updates still waiting for dependencies must
 * be set aside by the caller (Yjs would merge them in, through a copy).
 */
export function encodeStateSized(
  doc: Y.Doc,
  stateVector: Uint8Array | undefined,
  sizeHint: number,
  headroom = 0,
): Uint8Array {
  const encoder = new UncopiedEncoder();
  const rest = encoder.restEncoder as unknown as { cbuf: Uint8Array; cpos: number; bufs: Uint8Array[] };
  rest.cbuf = new Uint8Array(headroom + Math.max(1024, sizeHint + 64));
  rest.cpos = headroom;
  Y.encodeStateAsUpdateV2(doc, stateVector, encoder);
  // Larger than the hint: the encoder grew the usual way; fall back to its copy.
  if (rest.bufs.length > 0) return encoding.toUint8Array(encoder.restEncoder);
  return rest.cbuf.subarray(0, rest.cpos);
}

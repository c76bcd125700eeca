import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

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

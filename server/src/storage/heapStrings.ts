import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Strings at least this long are decoded piecewise into V8's heap (shorter ones Yjs's way). */
const LONG_STRING_BYTES = 64 * 1024;
/**
 * Bytes decoded at a time: below the size from which Node (24) returns a decoded
 * string as an external string (about 1 MB), so every piece lives in V8's heap.
 */
const PIECE_BYTES = 256 * 1024;

/**
 * Node 24 decodes a long UTF-8 string into an external string whose characters
 * live in memory from malloc, outside V8's heap. When such strings are freed,
 * glibc keeps most of that memory in the process (its arena grows instead of
 * mapping each large block), so the resident size stays up: loading a 48 MB
 * document of one long text left about 64 MB resident that nothing used, and
 * the answer and the compaction came on top of it (4.0 to 4.9 times the
 * document at the peak, against 3.2 on Node 20). Decoded in pieces and joined,
 * a string is an ordinary heap string instead; V8 returns the pages of a large
 * heap object to the system once it is collected.
 */
export class HeapStringUpdateDecoder extends Y.UpdateDecoderV1 {
  override readString(): string {
    const bytes = decoding.readVarUint8Array(this.restDecoder);
    if (bytes.byteLength < LONG_STRING_BYTES) return utf8Whole.decode(bytes);
    // Same options as lib0's decoder: invalid UTF-8 is an error, a leading BOM is content.
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let text = '';
    for (let start = 0; start < bytes.byteLength; start += PIECE_BYTES) {
      const end = Math.min(bytes.byteLength, start + PIECE_BYTES);
      // `stream` keeps a character split between two pieces for the next one.
      text += decoder.decode(bytes.subarray(start, end), { stream: end < bytes.byteLength });
    }
    return flatten(text);
  }
}

const utf8Whole = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Applies a stored (V1) update, its long strings decoded into the heap. */
export function applyStoredUpdate(doc: Y.Doc, update: Uint8Array): void {
  Y.applyUpdateV2(doc, update, undefined, HeapStringUpdateDecoder);
}

/**
 * Yjs joins the text of consecutive insertions into one string (`a += b`), which
 * V8 keeps as a tree of the parts until something reads it whole; the first
 * encoding then copies it into one new string while the parts are still alive
 * (twice the text, at the moment an answer of the same size is being built).
 * Joining the long strings of a freshly loaded doc right away, followed by a
 * collection, lets the parts go before any answer is encoded.
 * Returns how many strings it joined.
 */
export function flattenLongStrings(doc: Y.Doc): number {
  let joined = 0;
  for (const structs of doc.store.clients.values()) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
      if (struct.content.str.length < LONG_STRING_BYTES) continue;
      struct.content.str = flatten(struct.content.str);
      joined += 1;
    }
  }
  return joined;
}

/**
 * Makes V8 copy a string built by concatenation into one flat string in place
 * (converting it to a number reads it whole); the parts become garbage.
 */
function flatten(text: string): string {
  Number(text);
  return text;
}

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { ServerKind } from '../servers/serverKinds.ts';

/** Hocuspocus message type of an auth frame, and its token sub-type (@hocuspocus/common). */
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_AUTH_TOKEN = 0;

/**
 * How a server frames y-protocols messages on the wire. y-websocket and ours
 * send them bare (document in the URL); Hocuspocus prefixes every frame with
 * the document name as a varstring and wants an auth frame first.
 */
export interface WireFraming {
  /** Wraps a bare y-protocols message for the wire. */
  wrap(message: Uint8Array): Uint8Array;
  /** Returns the bare y-protocols message inside a frame. */
  unwrap(frame: Uint8Array): Uint8Array;
  /** Frames to send before sync step 1 (Hocuspocus: an auth token). */
  opening(): Uint8Array[];
}

const bare: WireFraming = {
  wrap: (message) => message,
  unwrap: (frame) => frame,
  opening: () => [],
};

/** The framing for `kind` on document `documentId`. */
export function framingFor(kind: ServerKind, documentId: string): WireFraming {
  if (kind !== 'hocuspocus') return bare;
  const prefixEncoder = encoding.createEncoder();
  encoding.writeVarString(prefixEncoder, documentId);
  const prefix = encoding.toUint8Array(prefixEncoder);
  return {
    wrap: (message) => {
      const frame = new Uint8Array(prefix.length + message.length);
      frame.set(prefix, 0);
      frame.set(message, prefix.length);
      return frame;
    },
    unwrap: (frame) => {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarString(decoder);
      return frame.subarray(decoder.pos);
    },
    opening: () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH);
      encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH_TOKEN);
      encoding.writeVarString(encoder, 'bench');
      return [
        (() => {
          const message = encoding.toUint8Array(encoder);
          const frame = new Uint8Array(prefix.length + message.length);
          frame.set(prefix, 0);
          frame.set(message, prefix.length);
          return frame;
        })(),
      ];
    },
  };
}

import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import { framingFor } from './wireFraming.ts';

describe('framingFor', () => {
  const message = Uint8Array.from([0, 2, 3, 7, 8, 9]);

  it('sends y-websocket and our frames bare', () => {
    for (const kind of ['ours', 'y-websocket-server'] as const) {
      const framing = framingFor(kind, 'doc-1');
      expect(framing.wrap(message)).toEqual(message);
      expect(framing.unwrap(message)).toEqual(message);
      expect(framing.opening()).toEqual([]);
    }
  });

  it('prefixes Hocuspocus frames with the document name and opens with an auth token frame', () => {
    const framing = framingFor('hocuspocus', 'room-ä-42');
    const frame = framing.wrap(message);
    const decoder = decoding.createDecoder(frame);
    expect(decoding.readVarString(decoder)).toBe('room-ä-42');
    expect(frame.subarray(decoder.pos)).toEqual(message);
    expect(framing.unwrap(frame)).toEqual(message);

    const [auth] = framing.opening();
    const authDecoder = decoding.createDecoder(auth as Uint8Array);
    expect(decoding.readVarString(authDecoder)).toBe('room-ä-42');
    expect(decoding.readVarUint(authDecoder)).toBe(2); // MessageType.Auth
    expect(decoding.readVarUint(authDecoder)).toBe(0); // AuthMessageType.Token
    expect(decoding.readVarString(authDecoder)).toBe('bench');
  });
});

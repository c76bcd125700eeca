import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeStateSized } from './stateEncoding.ts';

/** A doc with short edits and long strings of one-, two-, three- and four-byte characters. */
function docWithLongStrings(): Y.Doc {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, 'short ');
  for (const ch of ['a', 'å', '€', '🤝']) text.insert(text.length, ch.repeat(70_000));
  text.delete(3, 2);
  doc.getMap('m').set('k', 'v'.repeat(100_000));
  return doc;
}

/** Byte equality through Buffer (an element-by-element deep equal of megabytes takes minutes). */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);

describe('encodeStateSized', () => {
  it('writes long strings in place and gives Yjs’s own encoding, byte for byte', () => {
    const doc = docWithLongStrings();
    const expected = Y.encodeStateAsUpdate(doc);
    expect(same(encodeStateSized(doc, undefined, expected.byteLength), expected)).toBe(true);
  });

  it('falls back to growing the buffer when the hint is too small, with the same result', () => {
    const doc = docWithLongStrings();
    const expected = Y.encodeStateAsUpdate(doc);
    expect(same(encodeStateSized(doc, undefined, 1000), expected)).toBe(true);
    expect(same(encodeStateSized(doc, undefined, expected.byteLength - 50_000), expected)).toBe(true);
  });

  it('leaves the headroom free in front of the state', () => {
    const doc = docWithLongStrings();
    const expected = Y.encodeStateAsUpdate(doc);
    const framed = encodeStateSized(doc, undefined, expected.byteLength, 7);
    expect(same(framed.subarray(7), expected)).toBe(true);
  });
});

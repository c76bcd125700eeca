import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyStoredUpdate, flattenLongStrings } from './heapStrings.ts';

/** A long text whose multi-byte characters straddle the decoder's piece boundaries. */
function longText(): string {
  const parts = ['\uFEFFstarts with a byte order mark '];
  for (let n = 0; n < 40_000; n++) parts.push(`rad ${n} åäö — 漢字 🙂 `);
  return parts.join('');
}

describe('long strings decoded into the heap', () => {
  it('gives the same document as Yjs’s own decoding, however the characters fall across pieces', () => {
    const source = new Y.Doc();
    const text = longText();
    source.getText('body').insert(0, text);
    source.getText('body').insert(5, 'short');
    source.getMap('meta').set('title', 'Titel ✓');
    const update = Y.encodeStateAsUpdate(source);

    const ours = new Y.Doc();
    applyStoredUpdate(ours, update);
    const theirs = new Y.Doc();
    Y.applyUpdate(theirs, update);

    expect(ours.getText('body').toString()).toBe(theirs.getText('body').toString());
    expect(ours.getText('body').toString().length).toBe(text.length + 5);
    expect(ours.getMap('meta').get('title')).toBe('Titel ✓');
    expect(Y.encodeStateAsUpdate(ours)).toEqual(Y.encodeStateAsUpdate(theirs));
  });

  it('refuses invalid UTF-8 in a long string, as Yjs’s decoder does', () => {
    const source = new Y.Doc();
    source.getText('body').insert(0, 'a'.repeat(100_000));
    const update = Y.encodeStateAsUpdate(source);
    // The string's bytes are the update's tail; a lone continuation byte in the middle breaks them.
    const broken = update.slice();
    broken[broken.length - 50_000] = 0x80;
    expect(() => Y.applyUpdate(new Y.Doc(), broken)).toThrow();
    expect(() => applyStoredUpdate(new Y.Doc(), broken)).toThrow();
  });

  it('joins consecutive insertions into one string and keeps the text', () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    for (let n = 0; n < 3; n++) source.getText('body').insert(source.getText('body').length, 'xyz'.repeat(30_000));
    const doc = new Y.Doc();
    for (const update of updates) applyStoredUpdate(doc, update);
    expect(flattenLongStrings(doc)).toBe(1);
    expect(doc.getText('body').toString()).toBe('xyz'.repeat(90_000));
  });
});

import { describe, expect, it } from 'vitest';
import { wordDiff } from './wordDiff.ts';

const side = (parts: ReturnType<typeof wordDiff>, drop: 'added' | 'removed') =>
  parts
    .filter((part) => part.kind !== drop)
    .map((part) => part.text)
    .join('');

describe('wordDiff', () => {
  it('marks only the changed words', () => {
    const parts = wordDiff('We meet every spring in Lund.', 'We meet every autumn in Lund.');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['spring']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['autumn']);
  });

  it('gives back both texts exactly', () => {
    const cases: [string, string][] = [
      ['', 'new text here'],
      ['old text', ''],
      ['a b c d e', 'a x c y e z'],
      ['Line one\nLine two', 'Line one\nLine 2\nLine three'],
    ];
    for (const [before, after] of cases) {
      const parts = wordDiff(before, after);
      expect(side(parts, 'added')).toBe(before);
      expect(side(parts, 'removed')).toBe(after);
    }
  });

  it('says nothing changed for equal texts', () => {
    expect(wordDiff('same words', 'same words')).toEqual([{ kind: 'same', text: 'same words' }]);
  });
});

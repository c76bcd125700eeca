import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { sv } from './sv.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('Swedish has every English key, non-empty, with the same placeholders', () => {
    for (const [key, english] of Object.entries(en)) {
      const swedish = sv[key as keyof typeof en];
      expect(swedish, key).toBeTruthy();
      expect(placeholders(swedish), key).toEqual(placeholders(english));
    }
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
  });
});

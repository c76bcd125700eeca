import { describe, expect, it } from 'vitest';
import { PRESENCE_COLORS } from './presence.ts';

describe('presence colours', () => {
  it('include no red that reads as an error', () => {
    for (const colour of PRESENCE_COLORS) {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
      // A red hue: red clearly dominant and green and blue both low.
      expect(r > 150 && g < 60 && b < 60, colour).toBe(false);
    }
  });
});

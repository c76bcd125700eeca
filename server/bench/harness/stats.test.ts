import { describe, expect, it } from 'vitest';
import { quantile, withTimeout } from './stats.ts';

describe('quantile', () => {
  it('picks the nearest-rank element of the sorted samples', () => {
    const samples = Array.from({ length: 200 }, () => Math.random() * 1000);
    const sorted = [...samples].sort((a, b) => a - b);
    expect(quantile(samples, 0.5)).toBe(sorted[99]);
    expect(quantile(samples, 0.99)).toBe(sorted[197]);
    expect(quantile(samples, 1)).toBe(sorted[199]);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('withTimeout', () => {
  it('rejects naming what timed out, and passes a settled value through', async () => {
    await expect(withTimeout(new Promise(() => undefined), 20, 'never')).rejects.toThrow(/never/);
    const value = Math.random();
    await expect(withTimeout(Promise.resolve(value), 1000, 'now')).resolves.toBe(value);
  });
});

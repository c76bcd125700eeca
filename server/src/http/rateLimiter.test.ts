import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rateLimiter.ts';

describe('RateLimiter', () => {
  it('allows the limit, then answers the seconds left in the window, then resets', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(() => now);
    const rule = { limit: 2, windowMs: 60_000 };
    expect(limiter.hit('k', rule)).toBeUndefined();
    expect(limiter.hit('k', rule)).toBeUndefined();
    now += 15_000;
    expect(limiter.hit('k', rule)).toBe(45);
    expect(limiter.hit('other', rule)).toBeUndefined();
    now += 45_000;
    expect(limiter.hit('k', rule)).toBeUndefined();
  });
});

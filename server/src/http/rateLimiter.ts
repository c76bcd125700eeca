/** How many attempts a key may make per window. */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/** A result now (memory) or once the shared store answered (Redis). */
type Wait = number | undefined | Promise<number | undefined>;

/**
 * Fixed-window attempt counters. Keys look like `login:ip:1.2.3.4`. One process
 * keeps them in memory (`RateLimiter`); several share them in Redis
 * (`scaleout/sharedCounters.ts`).
 */
export interface AttemptLimiter {
  /** Counts an attempt; the seconds to wait when over the limit, else undefined. */
  hit(key: string, rule: RateLimitRule): Wait;
  /** The seconds to wait if `key` has used up its window already, without counting an attempt. */
  exhausted(key: string, rule: RateLimitRule): Wait;
}

/** Fixed-window attempt counters kept in this process's memory (the single-process default). */
export class RateLimiter implements AttemptLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts an attempt; returns the seconds to wait when over the limit, else undefined. */
  hit(key: string, rule: RateLimitRule): number | undefined {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= rule.windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
      if (this.windows.size > 50_000) this.sweep(now, rule.windowMs);
    }
    window.count += 1;
    if (window.count <= rule.limit) return undefined;
    return Math.max(1, Math.ceil((window.startedAt + rule.windowMs - now) / 1000));
  }

  /** The seconds to wait if `key` has used up its window already, without counting an attempt. */
  exhausted(key: string, rule: RateLimitRule): number | undefined {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || now - window.startedAt >= rule.windowMs || window.count < rule.limit) return undefined;
    return Math.max(1, Math.ceil((window.startedAt + rule.windowMs - now) / 1000));
  }

  private sweep(now: number, windowMs: number): void {
    for (const [key, window] of this.windows) if (now - window.startedAt >= windowMs) this.windows.delete(key);
  }
}

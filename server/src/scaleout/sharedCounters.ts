import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { FailureCounter } from '../auth/loginThrottle.ts';
import type { AttemptLimiter, RateLimitRule } from '../http/rateLimiter.ts';
import type { RedisLink } from './redisLink.ts';

/**
 * Counters every process shares, in Redis through rate-limiter-flexible. While
 * Redis is away each process falls back to its own memory (the library's
 * insurance limiter) rather than hold logins until Redis is back.
 */
function sharedLimiter(link: RedisLink, name: string, points: number, windowMs: number): RateLimiterRedis {
  const duration = Math.max(1, Math.ceil(windowMs / 1000));
  return new RateLimiterRedis({
    storeClient: link.command,
    keyPrefix: `${link.prefix}:${name}`,
    points,
    duration,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${link.prefix}:${name}`, points, duration }),
  });
}

/** The HTTP attempt limits (sign-up, acceptance, password change) across processes. */
export class SharedAttemptLimiter implements AttemptLimiter {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(private readonly link: RedisLink) {}

  async hit(key: string, rule: RateLimitRule): Promise<number | undefined> {
    try {
      await this.limiterFor(rule).consume(key);
      return undefined;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return secondsOf(rejection);
      throw rejection;
    }
  }

  async exhausted(key: string, rule: RateLimitRule): Promise<number | undefined> {
    const state = await this.limiterFor(rule).get(key);
    if (!state || state.consumedPoints < rule.limit) return undefined;
    return secondsOf(state);
  }

  private limiterFor(rule: RateLimitRule): RateLimiterRedis {
    const name = `attempts:${rule.limit}:${rule.windowMs}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      limiter = sharedLimiter(this.link, name, rule.limit, rule.windowMs);
      this.limiters.set(name, limiter);
    }
    return limiter;
  }
}

/**
 * Failed logins across processes. Unlike the memory counter, a count is
 * forgotten `windowMs` after its first failure (Redis keeps the expiry the
 * counter was created with), not after its last.
 */
export class SharedFailureCounter implements FailureCounter {
  private readonly limiter: RateLimiterRedis;

  constructor(link: RedisLink, windowMs: number) {
    // Points are never consumed against a limit here: the throttle reads the counts.
    this.limiter = sharedLimiter(link, 'login-failures', Number.MAX_SAFE_INTEGER, windowMs);
  }

  async add(key: string, delta: 1 | -1): Promise<number> {
    const state = delta > 0 ? await this.limiter.penalty(key, 1) : await this.limiter.reward(key, 1);
    if (state.consumedPoints > 0) return state.consumedPoints;
    if (delta < 0) await this.limiter.delete(key);
    return 0;
  }

  async forget(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}

function secondsOf(state: RateLimiterRes): number {
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

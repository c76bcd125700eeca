import type { Context } from 'hono';
import { apiErrors } from '../http/apiErrors.ts';
import { clientAddress } from '../http/clientAddress.ts';

/** How failed logins slow down later attempts; see `LoginThrottle`. */
export interface LoginThrottleRules {
  /** Failures one address may make for one account before its attempts are slowed. */
  freePerAccountAddress: number;
  /** Failures one address may make across all accounts before its attempts are slowed. */
  freePerAddress: number;
  /** Wait of the first attempt after the free failures; it doubles with each further failure. */
  baseDelayMs: number;
  /** The longest an attempt is held; past it an attempt is refused with 429 and Retry-After. */
  maxDelayMs: number;
  /** Failures are forgotten this long after the last one. */
  windowMs: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleRules = {
  freePerAccountAddress: 5,
  freePerAddress: 30,
  baseDelayMs: 100,
  maxDelayMs: 1600,
  windowMs: 15 * 60 * 1000,
};

/** One login attempt in progress: counted as failed unless `succeeded` is called. */
export interface LoginAttempt {
  succeeded(): void;
}

/**
 * Where failure counts live: this process's memory (`MemoryFailureCounter`), or
 * Redis when several processes share the counts (`scaleout/sharedCounters.ts`).
 */
export interface FailureCounter {
  /** Adds `delta` to `key`'s count and returns the new count (at least 0). */
  add(key: string, delta: 1 | -1): Promise<number>;
  forget(key: string): Promise<void>;
}

/**
 * Failed password checks are counted per (account, client address) and per
 * address (OWASP credential-stuffing guidance), never per account alone: a
 * stranger guessing someone's password slows only their own address, and the
 * owner's correct password from an address that has not failed is checked at
 * once. Attempts past the free failures wait before the password is checked
 * (doubling each time); an address whose wait would pass `maxDelayMs` gets 429
 * without any password check. Every attempt counts as failed from the moment
 * it starts until it succeeds, so parallel guesses are slowed like serial ones
 * (the count is taken before the wait is decided, atomically in either store).
 */
export class LoginThrottle {
  constructor(
    private readonly rules: LoginThrottleRules = DEFAULT_LOGIN_THROTTLE,
    private readonly counter: FailureCounter = new MemoryFailureCounter(rules.windowMs),
  ) {}

  /** Starts an attempt from the request's address: waits or throws 429 as the failures so far demand. */
  async begin(c: Context, account: string): Promise<LoginAttempt> {
    const address = clientAddress(c);
    const [pairKey, addressKey] = [`${account}\n${address}`, address];
    const [pairCount, addressCount] = await Promise.all([
      this.counter.add(pairKey, 1),
      this.counter.add(addressKey, 1),
    ]);
    // The failures before this attempt decide its wait.
    const delay = this.delayFor(pairCount - 1, addressCount - 1);
    if (delay > this.rules.maxDelayMs) {
      // A refused attempt checks no password, so it is not a failure.
      await Promise.all([this.counter.add(pairKey, -1), this.counter.add(addressKey, -1)]);
      c.header('Retry-After', String(Math.ceil(delay / 1000)));
      throw apiErrors.rateLimited();
    }
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    let settled = false;
    return {
      succeeded: () => {
        if (settled) return;
        settled = true;
        // The right password from this address: its failures for this account are forgiven.
        void this.counter.forget(pairKey);
        void this.counter.add(addressKey, -1);
      },
    };
  }

  /** The wait an attempt gets after these failures (over `maxDelayMs` means refused). */
  private delayFor(pairFailures: number, addressFailures: number): number {
    const over = Math.max(pairFailures - this.rules.freePerAccountAddress, addressFailures - this.rules.freePerAddress);
    if (over < 0) return 0;
    return this.rules.baseDelayMs * 2 ** Math.min(over, 30);
  }
}

/** Failure counts of one process; each is forgotten `windowMs` after its last change. */
export class MemoryFailureCounter implements FailureCounter {
  private readonly failures = new Map<string, { count: number; lastAt: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async add(key: string, delta: 1 | -1): Promise<number> {
    const count = this.current(key) + delta;
    if (count <= 0) {
      this.failures.delete(key);
      return 0;
    }
    this.failures.set(key, { count, lastAt: this.now() });
    if (this.failures.size > 100_000) this.sweep();
    return count;
  }

  async forget(key: string): Promise<void> {
    this.failures.delete(key);
  }

  private current(key: string): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    if (this.now() - entry.lastAt >= this.windowMs) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.failures) if (now - entry.lastAt >= this.windowMs) this.failures.delete(key);
  }
}

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

interface FailureCount {
  count: number;
  lastAt: number;
}

/** One login attempt in progress: counted as failed unless `succeeded` is called. */
export interface LoginAttempt {
  succeeded(): void;
}

/**
 * Failed password checks are counted per (account, client address) and per
 * address (OWASP credential-stuffing guidance), never per account alone: a
 * stranger guessing someone's password slows only their own address, and the
 * owner's correct password from an address that has not failed is checked at
 * once. Attempts past the free failures wait before the password is checked
 * (doubling each time); an address whose wait would pass `maxDelayMs` gets 429
 * without any password check. Every attempt counts as failed from the moment
 * it starts until it succeeds, so parallel guesses are slowed like serial ones.
 * Counters live in process memory, like the other attempt limits.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, FailureCount>();

  constructor(
    private readonly rules: LoginThrottleRules = DEFAULT_LOGIN_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts an attempt from the request's address: waits or throws 429 as the failures so far demand. */
  async begin(c: Context, account: string): Promise<LoginAttempt> {
    const address = clientAddress(c);
    const keys = [`${account}\n${address}`, address];
    const delay = this.delayFor(keys);
    if (delay > this.rules.maxDelayMs) {
      c.header('Retry-After', String(Math.ceil(delay / 1000)));
      throw apiErrors.rateLimited();
    }
    for (const key of keys) this.count(key, 1);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    let settled = false;
    return {
      succeeded: () => {
        if (settled) return;
        settled = true;
        // The right password from this address: its failures for this account are forgiven.
        this.failures.delete(keys[0] as string);
        this.count(keys[1] as string, -1);
      },
    };
  }

  /** The wait the next attempt under these keys would get (over `maxDelayMs` means refused). */
  private delayFor([pairKey, addressKey]: string[]): number {
    const over = Math.max(
      this.current(pairKey as string) - this.rules.freePerAccountAddress,
      this.current(addressKey as string) - this.rules.freePerAddress,
    );
    if (over < 0) return 0;
    return this.rules.baseDelayMs * 2 ** Math.min(over, 30);
  }

  private current(key: string): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    if (this.now() - entry.lastAt >= this.rules.windowMs) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count;
  }

  private count(key: string, delta: 1 | -1): void {
    const count = this.current(key) + delta;
    if (count <= 0) {
      this.failures.delete(key);
      return;
    }
    this.failures.set(key, { count, lastAt: this.now() });
    if (this.failures.size > 100_000) this.sweep();
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.failures) if (now - entry.lastAt >= this.rules.windowMs) this.failures.delete(key);
  }
}

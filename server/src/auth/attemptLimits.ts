import type { Context } from 'hono';
import type { AppServices } from '../appServices.ts';
import { apiErrors } from '../http/apiErrors.ts';
import { clientAddress } from '../http/clientAddress.ts';

/**
 * Counts an attempt at `scope` (login, signup, accept) per IP and per account;
 * over either limit answers 429 with Retry-After.
 */
export async function limitAttempts(
  c: Context,
  services: AppServices,
  scope: string,
  account: string | undefined,
): Promise<void> {
  const { windowMs, perIp, perAccount } = services.config.rateLimits;
  const hits = [services.rateLimiter.hit(`${scope}:ip:${clientAddress(c)}`, { limit: perIp, windowMs })];
  if (account) hits.push(services.rateLimiter.hit(`${scope}:account:${account}`, { limit: perAccount, windowMs }));
  const waits = await Promise.all(hits);
  const wait = Math.max(0, ...waits.map((seconds) => seconds ?? 0));
  if (wait > 0) throw rateLimitedFor(c, wait);
}

/**
 * Counts a failed attempt at `scope` (a token that matched nothing) per IP; over
 * the limit answers 429 with Retry-After. For links that must always work when
 * genuine even from addresses many people share (a mail provider's one-click
 * unsubscribe): only wrong guesses use up the budget.
 */
export async function limitFailedAttempts(c: Context, services: AppServices, scope: string): Promise<void> {
  const { windowMs, perIp } = services.config.rateLimits;
  const wait = await services.rateLimiter.hit(`${scope}-failed:ip:${clientAddress(c)}`, { limit: perIp, windowMs });
  if (wait !== undefined) throw rateLimitedFor(c, wait);
}

/** How many times one address may learn, per window, that an email already has an account. */
export const EMAIL_TAKEN_ANSWERS_PER_ADDRESS = 10;

/**
 * Sign-up has to say "this email already has an account" (there is no mail to
 * say it privately), so each address may hear it a few times per window; once
 * used up, every sign-up from that address answers 429, whichever the email,
 * so the refusal itself reveals nothing. Call `check` before the account is
 * created and `count` when the email was taken.
 */
export const emailTakenAnswers = {
  async check(c: Context, services: AppServices): Promise<void> {
    const wait = await services.rateLimiter.exhausted(takenKey(c), takenRule(services));
    if (wait !== undefined) throw rateLimitedFor(c, wait);
  },
  async count(c: Context, services: AppServices): Promise<void> {
    await services.rateLimiter.hit(takenKey(c), takenRule(services));
  },
};

const takenKey = (c: Context) => `signup-taken:ip:${clientAddress(c)}`;
const takenRule = (services: AppServices) => ({
  limit: EMAIL_TAKEN_ANSWERS_PER_ADDRESS,
  windowMs: services.config.rateLimits.windowMs,
});

function rateLimitedFor(c: Context, seconds: number) {
  c.header('Retry-After', String(seconds));
  return apiErrors.rateLimited();
}

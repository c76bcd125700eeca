import type { Context } from 'hono';
import type { AppServices } from '../appServices.ts';
import { apiErrors } from '../http/apiErrors.ts';
import { clientAddress } from '../http/clientAddress.ts';

/**
 * Counts an attempt at `scope` (login, signup, accept) per IP and per account;
 * over either limit answers 429 with Retry-After.
 */
export function limitAttempts(c: Context, services: AppServices, scope: string, account: string | undefined): void {
  const { windowMs, perIp, perAccount } = services.config.rateLimits;
  const waits = [services.rateLimiter.hit(`${scope}:ip:${clientAddress(c)}`, { limit: perIp, windowMs })];
  if (account) waits.push(services.rateLimiter.hit(`${scope}:account:${account}`, { limit: perAccount, windowMs }));
  const wait = Math.max(0, ...waits.map((seconds) => seconds ?? 0));
  if (wait > 0) {
    const error = apiErrors.rateLimited();
    c.header('Retry-After', String(wait));
    throw error;
  }
}

import type { Context } from 'hono';
import type { AppServices } from '../appServices.ts';
import { apiErrors } from '../http/apiErrors.ts';

/** The window of `SNAPSHOT_WRITES_PER_HOUR`. */
const HOUR_MS = 3_600_000;

/**
 * What one account may spend on snapshot work, checked before any of it is done:
 * taking a snapshot stores a copy of every document, a comparison with now loads
 * every document into memory, and renames and new share links are audited and
 * pushed to every open stream of the partnership. Without a budget one member,
 * or a stolen session, could fill the disk or keep the server loading documents.
 * Counted per account in the shared counters (Redis) when there are several
 * processes; past `writesPerHour` the answer is 429 `rate_limited` with Retry-After.
 */
export async function spendSnapshotBudget(c: Context, services: AppServices, userId: string): Promise<void> {
  const wait = await services.rateLimiter.hit(`snapshot-write:account:${userId}`, {
    limit: services.config.snapshots.writesPerHour,
    windowMs: HOUR_MS,
  });
  if (wait === undefined) return;
  c.header('Retry-After', String(wait));
  throw apiErrors.snapshotsRateLimited();
}

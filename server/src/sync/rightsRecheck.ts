import type { Logger } from '../logger.ts';
import type { SyncAuthorization } from './syncRoute.ts';
import type { SyncSession } from './syncSession.ts';

/** Asks the policy again about the socket it once allowed (same credential, same document). */
export type Reauthorize = () => Promise<SyncAuthorization>;

/** Policy reads in flight at once: a process with thousands of sockets must not flood the database. */
const PARALLEL_CHECKS = 8;

/**
 * After rights changes may have been missed (Redis was away), asks the policy
 * again about every session and revokes those it now refuses or would give
 * another mode (a demoted editor reconnects read-only). Sessions still being
 * authorised are told to ask again instead.
 */
export async function recheckSessions(
  sessions: ReadonlyMap<SyncSession, Reauthorize | undefined>,
  log: Logger,
): Promise<void> {
  const queue = [...sessions].flatMap(([session, reauthorize]) => {
    const info = session.changesMissed();
    return info && reauthorize ? [{ session, mode: info.mode, reauthorize }] : [];
  });
  let revoked = 0;
  const lane = async () => {
    for (let next = queue.pop(); next; next = queue.pop()) {
      try {
        const decision = await next.reauthorize();
        if ('refuse' in decision || decision.allow.mode !== next.mode) {
          next.session.revoke();
          revoked += 1;
        }
      } catch (error) {
        // Unknown rights: the client reconnects and is asked afresh.
        log.warn({ err: String(error) }, 'rights re-check failed; closing the socket');
        next.session.revoke();
      }
    }
  };
  const checked = queue.length;
  await Promise.all(Array.from({ length: PARALLEL_CHECKS }, lane));
  log.info({ checked, revoked }, 'sync sockets re-checked after missed rights changes');
}

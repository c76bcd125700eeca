import type { RightsBus } from '../access/rightsEvents.ts';
import type { FailureCounter } from '../auth/loginThrottle.ts';
import type { Config } from '../config.ts';
import type { AttemptLimiter } from '../http/rateLimiter.ts';
import type { Logger } from '../logger.ts';
import { ConnectionQuota, type SocketQuota } from '../sync/connectionQuota.ts';
import type { DocumentRelay } from '../sync/documentRelay.ts';
import { RedisDocumentRelay } from './redisDocumentRelay.ts';
import type { RedisLink } from './redisLink.ts';
import { RedisRightsBus } from './redisRightsBus.ts';
import { SharedConnectionQuota } from './sharedConnectionQuota.ts';
import { SharedAttemptLimiter, SharedFailureCounter } from './sharedCounters.ts';

/** Everything that is per process on one server and shared through Redis on several. */
export interface ScaleOutParts {
  relay: DocumentRelay;
  rights: RightsBus;
  attempts: AttemptLimiter;
  loginFailures: FailureCounter;
  sockets: SocketQuota;
  /** Resolves once the rights channel is subscribed (before the server listens). */
  ready: Promise<unknown>;
}

export function scaleOutParts(link: RedisLink, config: Config, log: Logger): ScaleOutParts {
  const rights = new RedisRightsBus(link, log);
  return {
    relay: new RedisDocumentRelay(link),
    rights,
    attempts: new SharedAttemptLimiter(link),
    loginFailures: new SharedFailureCounter(link, config.rateLimits.windowMs),
    sockets: new SharedConnectionQuota(link, new ConnectionQuota(config.sync), config.sync, log),
    ready: rights.ready,
  };
}

import type { RightsBus } from '../access/rightsEvents.ts';
import type { FailureCounter } from '../auth/loginThrottle.ts';
import type { PartnershipEventHub } from '../comments/eventHub.ts';
import type { Config } from '../config.ts';
import type { AttemptLimiter } from '../http/rateLimiter.ts';
import type { Logger } from '../logger.ts';
import { ConnectionQuota, type SocketQuota } from '../sync/connectionQuota.ts';
import type { DocumentRelay } from '../sync/documentRelay.ts';
import { RedisDocumentRelay } from './redisDocumentRelay.ts';
import { RedisEventHub } from './redisEventHub.ts';
import type { RedisLink } from './redisLink.ts';
import { RedisRightsBus } from './redisRightsBus.ts';
import { SharedConnectionQuota } from './sharedConnectionQuota.ts';
import { SharedAttemptLimiter, SharedFailureCounter } from './sharedCounters.ts';

/** Everything that is per process on one server and shared through Redis on several. */
export interface ScaleOutParts {
  relay: DocumentRelay;
  rights: RightsBus;
  /** Comment events, live to every process's event streams. */
  events: PartnershipEventHub;
  attempts: AttemptLimiter;
  loginFailures: FailureCounter;
  sockets: SocketQuota;
  /** Resolves once the rights and event channels are subscribed (before the server listens). */
  ready: Promise<unknown>;
}

export function scaleOutParts(link: RedisLink, config: Config, log: Logger): ScaleOutParts {
  const rights = new RedisRightsBus(link, log);
  const events = new RedisEventHub(link, log);
  return {
    relay: new RedisDocumentRelay(link),
    rights,
    events,
    attempts: new SharedAttemptLimiter(link),
    loginFailures: new SharedFailureCounter(link, config.rateLimits.windowMs),
    sockets: new SharedConnectionQuota(link, new ConnectionQuota(config.sync), config.sync, log),
    ready: Promise.all([rights.ready, events.ready]),
  };
}

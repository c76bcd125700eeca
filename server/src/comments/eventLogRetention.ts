import type { Kysely } from 'kysely';
import type { Logger } from '../logger.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import { pruneEvents } from './eventLog.ts';

/** How often the log is pruned. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Keeps the partnership event log to `retentionMs`: pruned at start-up and
 * then hourly. A client away longer resumes with a `resync` event.
 */
export class EventLogRetention {
  private readonly timer: NodeJS.Timeout;
  private readonly first: NodeJS.Timeout;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly retentionMs: number,
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.timer.unref();
    this.first = setTimeout(() => void this.prune(), 1000);
    this.first.unref();
  }

  /** Removes events older than the retention; returns how many. */
  async prune(now = Date.now()): Promise<number> {
    try {
      return await pruneEvents(this.db, now - this.retentionMs);
    } catch (error) {
      this.log.warn({ err: String(error) }, 'pruning the event log failed');
      return 0;
    }
  }

  stop(): void {
    clearInterval(this.timer);
    clearTimeout(this.first);
  }
}

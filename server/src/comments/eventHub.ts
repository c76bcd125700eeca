import type { PartnershipEvent } from '@samverka/model';
import type { LogEntry } from './eventLog.ts';

/**
 * An event as published right after its transaction committed: the log entry,
 * and what it renders to for everyone (`thread` events are rendered again per
 * recipient, since `unread` is theirs).
 */
export interface HubEvent {
  entry: LogEntry;
  /** Undefined when what it names was gone by the time it was rendered. */
  rendered: PartnershipEvent | undefined;
  /** For `thread` events: the thread's `last_message_at`, against which each recipient's read state is compared. */
  lastMessageAt?: number;
}

/**
 * Live fan-out of partnership events inside the servers. In-process today; a
 * Redis pub/sub implementation can take its place for several processes (the
 * log in SQL stays the source a stream resumes from).
 */
export interface PartnershipEventHub {
  publish(event: HubEvent): void;
  /** Calls `listener` for every event of the partnership from now on; returns the unsubscribe function. */
  subscribe(partnershipId: string, listener: (event: HubEvent) => void): () => void;
}

/** The hub of a single server process: listeners run synchronously in publish order. */
export class InProcessEventHub implements PartnershipEventHub {
  private readonly listeners = new Map<string, Set<(event: HubEvent) => void>>();

  publish(event: HubEvent): void {
    const listeners = this.listeners.get(event.entry.partnershipId);
    if (!listeners) return;
    for (const listener of listeners) listener(event);
  }

  subscribe(partnershipId: string, listener: (event: HubEvent) => void): () => void {
    let listeners = this.listeners.get(partnershipId);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(partnershipId, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.listeners.get(partnershipId) === listeners) this.listeners.delete(partnershipId);
    };
  }
}

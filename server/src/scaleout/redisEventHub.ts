import type { HubEvent, PartnershipEventHub } from '../comments/eventHub.ts';
import { InProcessEventHub } from '../comments/eventHub.ts';
import type { Logger } from '../logger.ts';
import type { RedisLink } from './redisLink.ts';

/**
 * Partnership events (comments) for several processes: this process's streams
 * hear an event at once, the others' through one Redis channel. Redis only
 * carries the live copy; the event log in SQL stays what a stream resumes from,
 * so an event lost to a Redis outage reaches a client at its next reconnect.
 */
export class RedisEventHub implements PartnershipEventHub {
  private readonly local = new InProcessEventHub();
  private readonly channel: string;
  /** Resolves once Redis confirmed the subscription. */
  readonly ready: Promise<unknown>;

  constructor(
    private readonly link: RedisLink,
    private readonly log: Logger,
  ) {
    this.channel = link.channel('partnership-events');
    this.ready = link.subscribe(this.channel, (message) => this.receive(message));
  }

  publish(event: HubEvent): void {
    this.local.publish(event);
    this.link.publish(this.channel, Buffer.from(JSON.stringify(event)));
  }

  subscribe(partnershipId: string, listener: (event: HubEvent) => void): () => void {
    return this.local.subscribe(partnershipId, listener);
  }

  private receive(message: Buffer): void {
    let event: HubEvent;
    try {
      event = JSON.parse(message.toString()) as HubEvent;
    } catch {
      this.log.warn('unreadable partnership event on Redis');
      return;
    }
    if (typeof event?.entry?.partnershipId !== 'string' || typeof event.entry.id !== 'number') return;
    this.local.publish(event);
  }
}

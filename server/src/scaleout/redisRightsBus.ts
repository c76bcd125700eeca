import type { RightsBus, RightsChange, RightsChanged } from '../access/rightsEvents.ts';
import type { Logger } from '../logger.ts';
import type { RedisLink } from './redisLink.ts';

/**
 * Rights changes for several processes: listeners in this process hear a change
 * at once, as with `InProcessRightsBus` (so a session registered before its
 * policy read still hears it in order), and the other processes hear it through
 * one Redis channel. Sessions there close within Redis's delivery time. A
 * change published while a process was cut off from Redis is not replayed:
 * that process re-reads its connections' rights when the link is back.
 */
export class RedisRightsBus implements RightsBus {
  private readonly listeners = new Set<(event: RightsChanged) => void>();
  private readonly channel: string;
  /** Resolves once Redis confirmed the subscription. */
  readonly ready: Promise<unknown>;

  constructor(
    private readonly link: RedisLink,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.channel = link.channel('rights');
    this.ready = link.subscribe(this.channel, (message) => this.receive(message));
  }

  publish(change: RightsChange): void {
    const event: RightsChanged = { ...change, at: this.now() };
    this.deliver(event);
    this.link.publish(this.channel, Buffer.from(JSON.stringify(event)));
  }

  subscribe(listener: (event: RightsChanged) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Redis came back: changes published while this process was cut off never reach it. */
  onMissed(listener: () => void): void {
    this.link.onReconnect(listener);
  }

  private receive(message: Buffer): void {
    let event: RightsChanged;
    try {
      event = JSON.parse(message.toString()) as RightsChanged;
    } catch {
      this.log.warn('unreadable rights change on Redis');
      return;
    }
    if (typeof event?.reason !== 'string') return;
    this.deliver(event);
  }

  private deliver(event: RightsChanged): void {
    for (const listener of this.listeners) listener(event);
  }
}

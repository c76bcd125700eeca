import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RedisSettings } from '../config.ts';
import type { Logger } from '../logger.ts';

type ChannelHandler = (payload: Buffer) => void;

/**
 * This process's two connections to the Redis its sibling processes share: one
 * for commands and publishing (counters, PUBLISH), one in subscriber mode (a
 * connection that subscribed can do nothing else). Every key and channel is
 * under `prefix`. Messages carry this process's id, so it ignores its own.
 */
export class RedisLink {
  /** For counters (rate-limiter-flexible) and PUBLISH. */
  readonly command: Redis;
  private readonly subscriber: Redis;
  readonly prefix: string;
  /** Random per start: tells this process's own messages apart when they come back. */
  readonly processId = randomBytes(8);
  private readonly handlers = new Map<string, ChannelHandler>();
  private readonly reconnectListeners = new Set<() => void>();
  private everReady = false;

  constructor(
    settings: RedisSettings,
    private readonly log: Logger,
  ) {
    this.prefix = settings.prefix;
    // Publishes made while Redis is away wait for it rather than fail: nobody
    // would re-send them (the reconnect re-read covers what was lost anyway).
    this.command = new Redis(settings.url, { maxRetriesPerRequest: null, lazyConnect: false });
    this.subscriber = new Redis(settings.url, { maxRetriesPerRequest: null, lazyConnect: false });
    for (const [name, connection] of [
      ['command', this.command],
      ['subscriber', this.subscriber],
    ] as const) {
      // Without a listener ioredis stays silent; with one we see outages in the log.
      connection.on('error', (error: Error) => this.log.warn({ connection: name, err: error.message }, 'Redis error'));
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.dispatch(channel, message));
    this.subscriber.on('ready', () => {
      if (!this.everReady) {
        this.everReady = true;
        return;
      }
      // ioredis re-sent SUBSCRIBE for every channel before 'ready'; a PING queued after
      // it answers only once Redis has processed them, so a re-read begun after the
      // PING cannot miss an update published in between.
      this.subscriber.ping().then(
        () => {
          this.log.info({ channels: this.handlers.size }, 'Redis is back; re-reading loaded documents');
          for (const listener of this.reconnectListeners) listener();
        },
        (error: unknown) => this.log.warn({ err: String(error) }, 'Redis ping after reconnect failed'),
      );
    });
  }

  /** A channel name under this installation's prefix. */
  channel(name: string): string {
    return `${this.prefix}:${name}`;
  }

  /**
   * Delivers messages on `channel` (from other processes) to `handler` and
   * resolves once Redis confirmed the subscription, or at once when Redis is
   * away (the subscription is made on reconnect, followed by the re-read).
   * Returns a function that undoes exactly this subscription.
   */
  async subscribe(channel: string, handler: ChannelHandler): Promise<() => void> {
    this.handlers.set(channel, handler);
    const leave = () => {
      if (this.handlers.get(channel) !== handler) return;
      this.handlers.delete(channel);
      this.subscriber.unsubscribe(channel).catch(() => undefined);
    };
    const subscribed = this.subscriber.subscribe(channel);
    if (this.subscriber.status === 'ready') await subscribed;
    else subscribed.catch(() => undefined);
    return leave;
  }

  /** Publishes `payload` to every other process subscribed to `channel`. */
  publish(channel: string, payload: Uint8Array): void {
    const message = Buffer.concat([this.processId, payload]);
    this.command.publish(channel, message).catch((error: unknown) => {
      this.log.warn({ channel, err: String(error) }, 'Redis publish failed');
    });
  }

  /** Called each time the subscriber connection is back after an outage (not on the first connect). */
  onReconnect(listener: () => void): void {
    this.reconnectListeners.add(listener);
  }

  /** Whether both connections are up (for readiness checks). */
  get ready(): boolean {
    return this.command.status === 'ready' && this.subscriber.status === 'ready';
  }

  /** Resolves once both connections are up; the server waits for it before it listens. */
  connected(): Promise<void> {
    const up = (connection: Redis) =>
      connection.status === 'ready' ? Promise.resolve() : new Promise<void>((r) => connection.once('ready', () => r()));
    return Promise.all([up(this.command), up(this.subscriber)]).then(() => undefined);
  }

  /** Drops both connections at once (a QUIT would wait for a Redis that may be away). */
  close(): void {
    this.handlers.clear();
    this.reconnectListeners.clear();
    this.subscriber.disconnect();
    this.command.disconnect();
  }

  private dispatch(channelBuffer: Buffer, message: Buffer): void {
    if (message.length < this.processId.length) return;
    if (message.subarray(0, this.processId.length).equals(this.processId)) return;
    const handler = this.handlers.get(channelBuffer.toString());
    if (!handler) return;
    try {
      handler(message.subarray(this.processId.length));
    } catch (error) {
      this.log.warn({ channel: channelBuffer.toString(), err: String(error) }, 'Redis message handler failed');
    }
  }
}

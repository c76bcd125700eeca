import type { PartnershipEvent } from '@samverka/model';
import type { Context } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';
import type { Kysely } from 'kysely';
import type { AccessResolver } from '../access/accessResolver.ts';
import type { Grant } from '../access/accessTargets.ts';
import { affects, type RightsBus } from '../access/rightsEvents.ts';
import type { Logger } from '../logger.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import type { HubEvent, PartnershipEventHub } from './eventHub.ts';
import { eventsAfter, firstKeptEventId, type LogEntry, latestEventId } from './eventLog.ts';
import { renderEvent } from './eventRenderer.ts';
import { isUnread } from './threadPresenter.ts';
import { readStateOf } from './threadQueries.ts';

/** Events read from the log per query while catching a client up. */
const REPLAY_BATCH = 200;
/** Events waiting to be written to one stream; a client further behind is closed and resumes from the log. */
const MAX_QUEUED = 1000;
/** How long EventSource waits before reconnecting (sent once per stream). */
const RETRY_MS = 2000;

export interface EventStreamDeps {
  db: Kysely<DatabaseSchema>;
  hub: PartnershipEventHub;
  rights: RightsBus;
  access: AccessResolver;
  log: Logger;
  heartbeatMs: number;
}

/**
 * One Server-Sent Events stream per browser and partnership. Catches up from
 * the log after `Last-Event-ID`, then forwards live events from the hub, each
 * rendered for its recipient; closes when the person's rights there change.
 */
export class EventStreams {
  private readonly open = new Set<EventStream>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribeRights: () => void;

  constructor(private readonly deps: EventStreamDeps) {
    // One timer for every stream: an idle stream costs a set entry, not a timer.
    this.heartbeat = setInterval(() => {
      for (const stream of this.open) stream.ping();
    }, deps.heartbeatMs);
    this.heartbeat.unref();
    this.unsubscribeRights = deps.rights.subscribe((change) => {
      for (const stream of this.open) if (affects(change, stream.holder)) stream.close();
    });
  }

  /** The number of open streams (metrics, tests). */
  get size(): number {
    return this.open.size;
  }

  /** Answers the request with a stream for an authorised reader of `grant.partnership`. */
  respond(c: Context, grant: Grant<'partnership'>): Response {
    const lastEventId = c.req.header('last-event-id');
    return streamSSE(c, async (sse) => {
      const stream = new EventStream(this.deps, sse, grant.actor.userId, grant.partnership.id);
      this.open.add(stream);
      try {
        await stream.run(lastEventId, async () => {
          // Rights may have changed between the router's check and joining the set above; ask again.
          const decision = await this.deps.access.authorize(
            grant.actor,
            { kind: 'partnership', id: grant.partnership.id },
            'read',
          );
          return decision.granted;
        });
      } catch (error) {
        this.deps.log.warn({ err: String(error) }, 'event stream failed');
      } finally {
        this.open.delete(stream);
        stream.close();
      }
    });
  }

  /** Closes every stream (server shutdown). */
  closeAll(): void {
    clearInterval(this.heartbeat);
    this.unsubscribeRights();
    for (const stream of this.open) stream.close();
  }
}

class EventStream {
  readonly holder: { userId: string; partnershipId: string };
  private lastSentId = 0;
  private queued = 0;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  private finish!: () => void;
  private readonly finished = new Promise<void>((resolve) => {
    this.finish = resolve;
  });
  /** Live events heard while catching up; undefined once live. */
  private early: HubEvent[] | undefined = [];

  constructor(
    private readonly deps: EventStreamDeps,
    private readonly sse: SSEStreamingApi,
    userId: string,
    partnershipId: string,
  ) {
    this.holder = { userId, partnershipId };
    sse.onAbort(() => this.close());
  }

  async run(lastEventId: string | undefined, stillAllowed: () => Promise<boolean>): Promise<void> {
    const unsubscribe = this.deps.hub.subscribe(this.holder.partnershipId, (event) => this.hear(event));
    try {
      if (!(await stillAllowed())) return;
      await this.sse.write(`retry: ${RETRY_MS}\n\n`);
      await this.catchUp(lastEventId);
      const early = this.early ?? [];
      this.early = undefined;
      for (const event of early) this.hear(event);
      await this.finished;
    } finally {
      unsubscribe();
    }
  }

  /** Heartbeat: a comment line, so proxies and the client see the stream alive. */
  ping(): void {
    if (this.queued === 0) this.enqueue(async () => this.sse.write(': ping\n\n'));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    // Abort rather than wait: a client that stopped reading must not hold the close up.
    this.sse.abort();
    this.finish();
  }

  private async catchUp(lastEventId: string | undefined): Promise<void> {
    const latest = await latestEventId(this.deps.db);
    if (lastEventId === undefined) {
      this.lastSentId = latest;
      return;
    }
    const after = /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : Number.NaN;
    const firstKept = await firstKeptEventId(this.deps.db);
    if (!Number.isSafeInteger(after) || after + 1 < firstKept || after > latest) {
      // Events after that id are gone or that id was never given: the client re-reads everything.
      this.lastSentId = latest;
      this.send(latest, { type: 'resync' });
      return;
    }
    this.lastSentId = after;
    for (;;) {
      const entries = await eventsAfter(
        this.deps.db,
        this.holder.partnershipId,
        this.lastSentId,
        this.holder.userId,
        REPLAY_BATCH,
      );
      for (const entry of entries) {
        const rendered = await renderEvent(this.deps.db, entry.event, this.holder.userId);
        this.lastSentId = entry.id;
        if (rendered) this.send(entry.id, rendered);
      }
      if (entries.length < REPLAY_BATCH || this.closed) return;
    }
  }

  private hear(event: HubEvent): void {
    if (this.closed) return;
    if (this.early) {
      this.early.push(event);
      return;
    }
    const { entry } = event;
    if (entry.id <= this.lastSentId) return;
    if (entry.recipientId !== null && entry.recipientId !== this.holder.userId) return;
    this.lastSentId = entry.id;
    if (!event.rendered) return;
    if (event.rendered.type === 'thread') this.sendThread(entry, event);
    else this.send(entry.id, event.rendered);
  }

  /** A thread event carries the recipient's own `unread`. */
  private sendThread(entry: LogEntry, event: HubEvent): void {
    const rendered = event.rendered as Extract<PartnershipEvent, { type: 'thread' }>;
    this.enqueue(async () => {
      const read = await readStateOf(this.deps.db, this.holder.userId, [rendered.thread.id]);
      const unread = isUnread({ last_message_at: event.lastMessageAt ?? 0 }, read.get(rendered.thread.id) ?? null);
      await this.write(entry.id, { type: 'thread', thread: { ...rendered.thread, unread } });
    });
  }

  private send(id: number, event: PartnershipEvent): void {
    this.enqueue(() => this.write(id, event));
  }

  private write(id: number, event: PartnershipEvent): Promise<void> {
    return this.sse.writeSSE({ id: String(id), data: JSON.stringify(event) });
  }

  /** Writes one at a time, in order; a client too far behind is closed and resumes from the log. */
  private enqueue(task: () => Promise<unknown>): void {
    if (this.closed) return;
    if (this.queued >= MAX_QUEUED) {
      this.close();
      return;
    }
    this.queued += 1;
    this.writing = this.writing
      .then(async () => {
        if (!this.closed) await task();
      })
      .catch((error: unknown) => {
        this.deps.log.warn({ err: String(error) }, 'event stream write failed');
        this.close();
      })
      .finally(() => {
        this.queued -= 1;
      });
  }
}

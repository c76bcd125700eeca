import type { PartnershipEvent } from '@samverka/model';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { AccessResolver } from '../access/accessResolver.ts';
import type { Grant } from '../access/accessTargets.ts';
import { type Credential, credentialOf } from '../access/credential.ts';
import { affects, type RightsBus } from '../access/rightsEvents.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { Logger } from '../logger.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import type { HubEvent, PartnershipEventHub } from './eventHub.ts';
import { eventsAfter, firstKeptEventId, type LogEntry, latestEventId } from './eventLog.ts';
import { renderEvent } from './eventRenderer.ts';
import { isUnread } from './threadPresenter.ts';
import { readStateOf } from './threadQueries.ts';

/** Events read from the log per query while catching a client up. */
const REPLAY_BATCH = 200;
/** Bytes waiting for one client; a client further behind is closed and resumes from the log. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** How long EventSource waits before reconnecting (sent once per stream). */
const RETRY_MS = 2000;

const encoder = new TextEncoder();

export interface EventStreamDeps {
  db: Kysely<DatabaseSchema>;
  hub: PartnershipEventHub;
  rights: RightsBus;
  access: AccessResolver;
  log: Logger;
  heartbeatMs: number;
  /** Streams one account may hold open in this process; more answer 429. */
  maxStreamsPerAccount: number;
}

/**
 * One Server-Sent Events stream per browser and partnership. Catches up from
 * the log after `Last-Event-ID`, then forwards live events from the hub, each
 * rendered for its recipient; closes when the person's rights there change.
 *
 * The body is a plain ReadableStream fed by `enqueue`, with the SSE framing
 * written here: Hono's `streamSSE` helper costs about 23 KiB of heap per idle
 * stream on its own (a TransformStream, a second ReadableStream, a writer and
 * a pending callback per stream; measured with the server's middleware left
 * out), more than the 20 KB an idle stream may cost in all.
 */
export class EventStreams {
  private readonly open = new Set<EventStream>();
  /** Open streams per account, so one person (or a stolen session) cannot exhaust the server's memory. */
  private readonly perAccount = new Map<string, number>();
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
    deps.rights.onMissed(() => void this.recheckAll());
  }

  /** Rights changes may have been missed (Redis was away): ask about every stream again, one at a time. */
  private async recheckAll(): Promise<void> {
    for (const stream of [...this.open]) {
      const target = { kind: 'partnership' as const, id: stream.holder.partnershipId };
      try {
        const { decision } = await this.deps.access.resolve(stream.credential, target, 'read');
        if (!decision.granted) stream.close();
      } catch (error) {
        this.deps.log.warn({ err: String(error) }, 'event stream re-check failed; closing it');
        stream.close();
      }
    }
  }

  /** The number of open streams (metrics, tests). */
  get size(): number {
    return this.open.size;
  }

  /** Answers the request with a stream for an authorised reader of `grant.partnership`. */
  respond(c: Context, grant: Grant<'partnership'>): Response {
    const { actor, partnership } = grant;
    const held = this.perAccount.get(actor.userId) ?? 0;
    if (held >= this.deps.maxStreamsPerAccount) throw apiErrors.rateLimited();
    this.perAccount.set(actor.userId, held + 1);
    const stream = new EventStream(this.deps, credentialOf(c), actor.userId, partnership.id, () => {
      this.open.delete(stream);
      const left = (this.perAccount.get(actor.userId) ?? 1) - 1;
      if (left > 0) this.perAccount.set(actor.userId, left);
      else this.perAccount.delete(actor.userId);
    });
    this.open.add(stream);
    // Rights may have changed between the router's check and joining the set above; ask again.
    const stillAllowed = async () =>
      (await this.deps.access.authorize(actor, { kind: 'partnership', id: partnership.id }, 'read')).granted;
    void stream.start(c.req.header('last-event-id'), stillAllowed);
    return c.body(stream.body, 200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      // Proxies such as nginx would otherwise hold events back to fill a buffer.
      'X-Accel-Buffering': 'no',
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
  readonly body: ReadableStream<Uint8Array>;
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  private lastSentId = 0;
  private closed = false;
  /** Writes that need a query first (a thread's unread) keep later events behind them. */
  private pending: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;
  /** Live events heard while catching up; undefined once live. */
  private early: HubEvent[] | undefined = [];

  constructor(
    private readonly deps: EventStreamDeps,
    /** The session token it was opened with (not the request), to ask about it again. */
    readonly credential: Credential,
    userId: string,
    partnershipId: string,
    private readonly onClose: () => void,
  ) {
    this.holder = { userId, partnershipId };
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        // The client went away.
        cancel: () => this.close(),
      },
      { highWaterMark: MAX_BUFFERED_BYTES, size: (chunk) => chunk.byteLength },
    );
  }

  async start(lastEventId: string | undefined, stillAllowed: () => Promise<boolean>): Promise<void> {
    this.unsubscribe = this.deps.hub.subscribe(this.holder.partnershipId, (event) => this.hear(event));
    try {
      if (!(await stillAllowed())) return this.close();
      this.push(`retry: ${RETRY_MS}\n\n`);
      await this.catchUp(lastEventId);
      const early = this.early ?? [];
      this.early = undefined;
      for (const event of early) this.hear(event);
    } catch (error) {
      this.deps.log.warn({ err: String(error) }, 'event stream failed');
      this.close();
    }
  }

  /** Heartbeat: a comment line, so proxies and the client see the stream alive. */
  ping(): void {
    if (!this.pending && this.controller.desiredSize === MAX_BUFFERED_BYTES) this.push(': ping\n\n');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    this.early = undefined;
    try {
      this.controller.close();
    } catch {
      // Already cancelled by the client.
    }
    this.onClose();
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

  /** A thread event carries the recipient's own `unread`, which needs their read state. */
  private sendThread(entry: LogEntry, event: HubEvent): void {
    const rendered = event.rendered as Extract<PartnershipEvent, { type: 'thread' }>;
    this.after(async () => {
      const read = await readStateOf(this.deps.db, this.holder.userId, [rendered.thread.id]);
      const unread = isUnread({ last_message_at: event.lastMessageAt ?? 0 }, read.get(rendered.thread.id) ?? null);
      this.write(entry.id, { type: 'thread', thread: { ...rendered.thread, unread } });
    });
  }

  private send(id: number, event: PartnershipEvent): void {
    if (this.pending) this.after(async () => this.write(id, event));
    else this.write(id, event);
  }

  /** Runs `task` after the writes already waiting, keeping the stream's order. */
  private after(task: () => Promise<void>): void {
    const run = (this.pending ?? Promise.resolve())
      .then(() => (this.closed ? undefined : task()))
      .catch((error: unknown) => {
        this.deps.log.warn({ err: String(error) }, 'event stream write failed');
        this.close();
      })
      .finally(() => {
        if (this.pending === run) this.pending = undefined;
      });
    this.pending = run;
  }

  private write(id: number, event: PartnershipEvent): void {
    // JSON has no raw newlines, so one `data:` line carries the whole event.
    this.push(`id: ${id}\ndata: ${JSON.stringify(event)}\n\n`);
  }

  private push(text: string): void {
    if (this.closed) return;
    this.controller.enqueue(encoder.encode(text));
    // A client this far behind is closed; it reconnects and resumes from the log.
    if ((this.controller.desiredSize ?? 0) < 0) this.close();
  }
}

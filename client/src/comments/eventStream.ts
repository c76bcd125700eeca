import { type PartnershipEvent, partnershipEventSchema } from '@samverka/model';

export interface StreamHandlers {
  onEvent(event: PartnershipEvent): void;
  /** The server cannot replay what was missed, or the stream was (re)opened after a gap: refetch. */
  onResync(): void;
  /** Connected (true) or waiting to reconnect (false). */
  onConnection?(connected: boolean): void;
}

const NAMED_EVENTS = ['thread', 'message', 'read', 'snapshot'] as const;
const RETRY_MS = [1_000, 2_000, 3_000, 5_000];

/**
 * One Server-Sent Events stream for a partnership (GET /api/partnerships/:id/events).
 * EventSource resumes by itself with `Last-Event-ID` after a dropped connection. When
 * the browser gives up (the server refused or was down: readyState CLOSED) we open a
 * new one after a pause; a new EventSource cannot send the header, so the last id goes
 * in the query too, and we resync in any case, since the server may not have our gap.
 * Returns a function that closes the stream.
 */
export function openPartnershipStream(partnershipId: string, handlers: StreamHandlers): () => void {
  let source: EventSource | undefined;
  let lastEventId = '';
  let attempt = 0;
  let hadGap = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const receive = (message: MessageEvent<string>) => {
    if (message.lastEventId) lastEventId = message.lastEventId;
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      return;
    }
    // The server may name the event (`event: thread`) or put the type in the data; accept both.
    const withType =
      data && typeof data === 'object' && !('type' in data) ? { type: message.type, ...data } : (data as object);
    // The server cannot replay from our id (too old, or its log was reset): read everything again.
    if ((withType as { type?: unknown }).type === 'resync') {
      handlers.onResync();
      return;
    }
    const parsed = partnershipEventSchema.safeParse(withType);
    if (parsed.success) handlers.onEvent(parsed.data);
  };

  const connect = () => {
    if (closed) return;
    const query = lastEventId ? `?lastEventId=${encodeURIComponent(lastEventId)}` : '';
    const stream = new EventSource(`/api/partnerships/${partnershipId}/events${query}`, { withCredentials: true });
    source = stream;
    stream.onopen = () => {
      attempt = 0;
      handlers.onConnection?.(true);
      if (hadGap) handlers.onResync();
      hadGap = false;
    };
    stream.onerror = () => {
      hadGap = true;
      handlers.onConnection?.(false);
      if (stream.readyState !== EventSource.CLOSED) return; // the browser is retrying by itself
      const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] as number;
      attempt += 1;
      retryTimer = setTimeout(connect, delay);
    };
    // `message` covers both unnamed events and `event: message`.
    stream.addEventListener('message', receive);
    for (const name of NAMED_EVENTS) if (name !== 'message') stream.addEventListener(name, receive);
    stream.addEventListener('resync', () => handlers.onResync());
  };

  connect();
  return () => {
    closed = true;
    clearTimeout(retryTimer);
    source?.close();
  };
}

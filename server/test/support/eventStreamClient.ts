import type { PartnershipEvent } from '@samverka/model';

/** One event as the stream delivered it. */
export interface ReceivedEvent {
  id: string | undefined;
  event: PartnershipEvent;
  /** performance.now() when it was parsed. */
  at: number;
}

/**
 * A Server-Sent Events reader over fetch, as a browser's EventSource would be
 * (cookie, Last-Event-ID), but without reconnecting: tests decide when to resume.
 */
export class EventStreamClient {
  readonly events: ReceivedEvent[] = [];
  status = 0;
  /** The id of the last event with one, as EventSource would resume from. */
  lastEventId: string | undefined;
  /** Resolves when the server ends the stream (or it fails). */
  readonly ended: Promise<void>;
  private readonly abort = new AbortController();
  private waiters: (() => void)[] = [];
  private isOpen!: () => void;
  /** Resolves once the first bytes (the `retry:` line) arrived: the server has subscribed. */
  readonly opened = new Promise<void>((resolve) => {
    this.isOpen = resolve;
  });
  private endedFlag = false;

  constructor(
    url: string,
    cookie: string | undefined,
    lastEventId?: string,
    private readonly onEvent?: (event: ReceivedEvent) => void,
  ) {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (cookie) headers.cookie = cookie;
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
    this.ended = this.read(url, headers).finally(() => {
      this.endedFlag = true;
      this.isOpen();
      this.notify();
    });
  }

  get hasEnded(): boolean {
    return this.endedFlag;
  }

  close(): void {
    this.abort.abort();
  }

  /** Waits until `check` holds over the received events; throws after `timeoutMs`. */
  async waitFor(check: (events: ReceivedEvent[]) => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check(this.events)) {
      if (this.endedFlag) throw new Error(`stream ended before ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private async read(url: string, headers: Record<string, string>): Promise<void> {
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: this.abort.signal });
    } catch {
      return;
    }
    this.status = response.status;
    if (!response.ok || !response.body) {
      await response.text().catch(() => undefined);
      return;
    }
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        this.isOpen();
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
        this.notify();
      }
    } catch {
      // Aborted by the test or cut by the server: either way the stream ended.
    }
  }

  private parse(block: string): void {
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length === 0) return;
    if (id !== undefined) this.lastEventId = id;
    const received = { id, event: JSON.parse(data.join('\n')) as PartnershipEvent, at: performance.now() };
    this.events.push(received);
    this.onEvent?.(received);
  }
}

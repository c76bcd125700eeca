import { isAcknowledgedFrame, SyncMessageType } from '@samverka/model';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';

/**
 * Whether the server has durably stored everything this browser sent. The
 * socket counts the update frames it sends; the server answers, once per
 * commit, how many of this connection's frames are stored (`DURABLE_ACK`).
 * "Saved" holds when the counts meet on a synced connection: no extra round
 * trip, and a closed tab's offline edits count once they are re-sent.
 */
export class DurableSaved {
  private sent = 0;
  private acknowledged = 0;
  private provider: WebsocketProvider | undefined;
  private readonly listeners = new Set<() => void>();

  /** A WebSocket class for the provider that counts the frames the server will acknowledge. */
  readonly WebSocketClass: typeof WebSocket;

  constructor() {
    const tracker = this;
    this.WebSocketClass = class CountingWebSocket extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        // A new connection starts its counts afresh; the server's count is per connection too.
        tracker.reset();
      }

      override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
        if (data instanceof Uint8Array && isAcknowledgedFrame(data)) tracker.countSent();
        super.send(data);
      }
    };
  }

  /** Wires the provider's events and the acknowledgement message in. */
  attach(provider: WebsocketProvider): void {
    this.provider = provider;
    provider.messageHandlers[SyncMessageType.DURABLE_ACK] = (_encoder, decoder) => {
      this.acknowledged = Math.max(this.acknowledged, decoding.readVarUint(decoder));
      this.notify();
    };
    provider.on('status', this.notify);
    provider.on('sync', this.notify);
  }

  /** True when the server holds every change this browser has. */
  get saved(): boolean {
    const provider = this.provider;
    if (!provider?.wsconnected || !provider.synced) return false;
    return this.acknowledged >= this.sent;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.provider?.off('status', this.notify);
    this.provider?.off('sync', this.notify);
    this.listeners.clear();
  }

  private reset(): void {
    this.sent = 0;
    this.acknowledged = 0;
    this.notify();
  }

  private countSent(): void {
    this.sent += 1;
    this.notify();
  }

  private readonly notify = (): void => {
    for (const listener of this.listeners) listener();
  };
}

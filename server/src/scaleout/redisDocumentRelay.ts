import type { DocumentRelay, RelayListener } from '../sync/documentRelay.ts';
import type { RedisLink } from './redisLink.ts';

/** The first byte of a relayed message says what follows. */
const UPDATE = 0;
const AWARENESS = 1;

/** Documents' updates and awareness over one Redis channel per document. */
export class RedisDocumentRelay implements DocumentRelay {
  constructor(private readonly link: RedisLink) {}

  join(documentId: string, listener: RelayListener): Promise<() => void> {
    return this.link.subscribe(this.channelOf(documentId), (message) => {
      const payload = new Uint8Array(message.buffer, message.byteOffset + 1, message.byteLength - 1);
      if (message[0] === UPDATE) listener.update(payload);
      else if (message[0] === AWARENESS) listener.awareness(payload);
    });
  }

  publishUpdate(documentId: string, update: Uint8Array): void {
    this.link.publish(this.channelOf(documentId), withKind(UPDATE, update));
  }

  publishAwareness(documentId: string, update: Uint8Array): void {
    this.link.publish(this.channelOf(documentId), withKind(AWARENESS, update));
  }

  onReconnect(listener: () => void): void {
    this.link.onReconnect(listener);
  }

  private channelOf(documentId: string): string {
    return this.link.channel(`doc:${documentId}`);
  }
}

function withKind(kind: number, payload: Uint8Array): Uint8Array {
  const message = new Uint8Array(payload.byteLength + 1);
  message[0] = kind;
  message.set(payload, 1);
  return message;
}

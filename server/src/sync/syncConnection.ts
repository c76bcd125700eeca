/** Whether a connection may change the document or only watch it. */
export type ConnectionMode = 'read-write' | 'read-only';

/**
 * What the sync core needs from a transport: send bytes and close. The upgrade
 * handler adapts a real WebSocket to this; tests can adapt anything else.
 */
export interface SyncSocket {
  send(frame: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Bytes queued but not yet written to the network, when the transport knows. */
  readonly bufferedAmount?: number;
  /**
   * Holds writes back until `uncork`, so frames sent meanwhile leave in one
   * system call (a group commit relays hundreds of updates to each socket).
   */
  cork?(): void;
  uncork?(): void;
}

/** Identity the core keeps per connection; auth decisions are made before it exists. */
export interface ConnectionInfo {
  mode: ConnectionMode;
  /** Who is connected, for closing a person's sockets when their rights change. */
  userId?: string | undefined;
  /** The partnership whose document it is, for closing every socket of an archived partnership. */
  partnershipId?: string | undefined;
  /**
   * The client asked for DURABLE_ACK frames (`?acks=1` on the sync URL). Standard
   * y-websocket providers do not know that message type, so only askers get it.
   */
  acks?: boolean | undefined;
}

/**
 * WebSocket close codes used by the sync endpoint. Client and server both read
 * this table so a close reason always maps to the same message for a person.
 * Codes 4000–4999 are reserved by RFC 6455 for applications. Standard Yjs
 * providers (y-websocket 3) never reconnect after 4400–4499, so that range holds
 * only refusals that reconnecting cannot fix; codes that mean "connect again"
 * (now, or a little later) live in 4000–4399 and 4500–4599.
 */
export const CloseCode = {
  /** Server is shutting down or restarting; reconnect shortly. */
  GOING_AWAY: 1001,
  /** A frame exceeded the configured maximum size. */
  FRAME_TOO_LARGE: 1009,
  /** A frame could not be decoded as a y-websocket message. */
  MALFORMED_MESSAGE: 4400,
  /** Rights changed (role change, removal, sign-out, archive): reconnect to re-authorise. */
  REAUTHORIZE: 4001,
  /**
   * An update would have broken the document's schema (a register field outside
   * its type, an unknown shared type). It was not applied, stored or relayed;
   * the client's copy now differs from the server's, so it must reload.
   */
  SCHEMA_REJECTED: 4422,
  /** Nothing was received for longer than the idle timeout. */
  IDLE_TIMEOUT: 4008,
  /** The document already has the maximum number of connections. */
  ROOM_FULL: 4509,
  /** This account already has its maximum number of sockets to this document; close a tab or try later. */
  ACCOUNT_DOCUMENT_CONNECTIONS: 4510,
  /** This account already has its maximum number of sockets across all documents. */
  ACCOUNT_CONNECTIONS: 4511,
  /** The update would grow the document past its maximum size; it was not applied. */
  DOCUMENT_TOO_LARGE: 4413,
  /** An owner deleted the document while it was open; there is nothing to reconnect to. */
  DOCUMENT_NOT_FOUND: 4404,
  /** Awareness updates arrived faster than the configured rate. */
  RATE_LIMITED: 4529,
  /** The document could not be loaded from storage; nothing was created. */
  LOAD_FAILED: 4500,
  /** Storage refused a write; reconnect so the client re-sends what it has. */
  STORAGE_UNAVAILABLE: 4503,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];

/** Close codes after which a client should not retry without a person acting. */
export const TERMINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.MALFORMED_MESSAGE,
  CloseCode.SCHEMA_REJECTED,
  CloseCode.DOCUMENT_TOO_LARGE,
  CloseCode.DOCUMENT_NOT_FOUND,
]);

/** Whether a standard y-websocket provider gives up after this code (it does for 4400–4499). */
export function providerStopsAfter(code: number): boolean {
  return code >= 4400 && code < 4500;
}

/** Looks up the symbolic name of a close code, for logs and messages. */
export function closeCodeName(code: number): CloseCodeName | undefined {
  return (Object.keys(CloseCode) as CloseCodeName[]).find((name) => CloseCode[name] === code);
}

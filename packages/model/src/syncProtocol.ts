/**
 * Top-level message types of the y-websocket wire protocol. Each frame starts
 * with one of these as a varuint, followed by the sub-protocol's payload.
 */
export const SyncMessageType = {
  SYNC: 0,
  AWARENESS: 1,
  AUTH: 2,
  QUERY_AWARENESS: 3,
  /**
   * Ours, server to client only: `[DURABLE_ACK, n]` says the first n sync-step-2
   * and update frames this connection sent are durably stored. Sent once per
   * commit, never asked for, so "Saved" costs no round trip. Standard providers
   * ignore it (they log an unknown message type).
   */
  DURABLE_ACK: 100,
} as const;

/** Whether a client frame is one the server acknowledges: a sync step 2 or an update. */
export function isAcknowledgedFrame(frame: Uint8Array): boolean {
  // Both type varuints are below 128, so each is one byte.
  return frame.length >= 2 && frame[0] === SyncMessageType.SYNC && (frame[1] === 1 || frame[1] === 2);
}

/** Path prefix of the live sync endpoint: `/sync/<documentId>`. */
export const SYNC_PATH_PREFIX = '/sync';

/**
 * Top-level message types of the y-websocket wire protocol. Each frame starts
 * with one of these as a varuint, followed by the sub-protocol's payload.
 */
export const SyncMessageType = {
  SYNC: 0,
  AWARENESS: 1,
  AUTH: 2,
  QUERY_AWARENESS: 3,
} as const;

/** Path prefix of the live sync endpoint: `/sync/<documentId>`. */
export const SYNC_PATH_PREFIX = '/sync';

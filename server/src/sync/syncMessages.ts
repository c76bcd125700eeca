import { SyncMessageType } from '@samverka/model';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { encodeStateSized } from '../storage/stateEncoding.ts';

/** Binary encoders for the frames the server sends; decoding lives in the room. */

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SyncMessageType.SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/**
 * Sync step 2 from what the doc has integrated. Yjs would also include updates
 * still waiting for dependencies; only integrated changes reach the update log,
 * so a client must not learn the waiting ones from the server.
 */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array, sizeHint = 0): Uint8Array {
  const store = doc.store;
  const { pendingStructs, pendingDs } = store;
  store.pendingStructs = null;
  store.pendingDs = null;
  try {
    // The update is written after room for the header, which then goes right in
    // front of it: a document-sized answer is encoded once and never copied.
    // The hint (the stored size) fits the whole state; a diff for a client that has most of it is small.
    const wholeState = stateVector.byteLength === 1;
    const framed = encodeStateSized(doc, stateVector, wholeState ? sizeHint : 0, MAX_STEP2_HEADER);
    const header = encoding.createEncoder();
    encoding.writeVarUint(header, SyncMessageType.SYNC);
    encoding.writeVarUint(header, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint(header, framed.byteLength - MAX_STEP2_HEADER);
    const head = encoding.toUint8Array(header);
    const start = MAX_STEP2_HEADER - head.byteLength;
    framed.set(head, start);
    return framed.subarray(start);
  } finally {
    store.pendingStructs = pendingStructs;
    store.pendingDs = pendingDs;
  }
}

/**
 * Sync step 2 carrying `update` as it is: a stored state that is the whole
 * document, answered without encoding the doc again.
 */
export function frameSyncStep2(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SyncMessageType.SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Message type, sync type and a length of up to 2^35 bytes, as varints. */
const MAX_STEP2_HEADER = 7;

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SyncMessageType.SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: Awareness, clientIds: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SyncMessageType.AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clientIds));
  return encoding.toUint8Array(encoder);
}

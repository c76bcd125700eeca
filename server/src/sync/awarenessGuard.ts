import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Presence states are a name, a colour and a cursor; anything near this size is abuse. */
export const MAX_AWARENESS_FRAME_BYTES = 64 * 1024;

/** Client ids one socket may speak for (a browser tab uses one; a few cover reconnect churn). */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 4;

/**
 * Keeps only the entries of an awareness update (y-protocols: count, then per
 * entry client id, clock, JSON state) whose client id `mayUse` accepts. Returns
 * the re-encoded update and how many entries it kept. Throws on a malformed update.
 */
export function filterAwarenessUpdate(
  update: Uint8Array,
  mayUse: (clientId: number, clock: number) => boolean,
): { update: Uint8Array; kept: number } {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: Array<[number, number, string]> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    if (mayUse(clientId, clock)) kept.push([clientId, clock, state]);
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const [clientId, clock, state] of kept) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return { update: encoding.toUint8Array(encoder), kept: kept.length };
}

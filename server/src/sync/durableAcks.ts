import { SyncMessageType } from '@samverka/model';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { SyncSocket } from './syncConnection.ts';

interface AckState {
  /** Update frames received from the socket so far. */
  received: number;
  /** The highest count whose commit has landed. */
  durable: number;
  /** The highest count acknowledged to the client. */
  sent: number;
  flushQueued: boolean;
  /** A frame left updates waiting for missing dependencies: no later count may cover it. */
  stalled: boolean;
}

/** Whether every item an update carries is now part of the doc (none waits for a missing dependency). */
export function isIntegrated(doc: Y.Doc, update: Uint8Array): boolean {
  for (const [client, clock] of Y.parseUpdateMeta(update).to) {
    if (Y.getState(doc.store, client) < clock) return false;
  }
  return true;
}

/** Encodes `[DURABLE_ACK, count]`. */
export function encodeDurableAck(count: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SyncMessageType.DURABLE_ACK);
  encoding.writeVarUint(encoder, count);
  return encoding.toUint8Array(encoder);
}

/**
 * Tells each writing client how many of its update frames are durably stored,
 * so its "Saved" means stored, not merely sent. One ack per commit at most (all
 * frames covered by the same commit share it), and the client never waits for
 * it: no extra round trip per keystroke.
 */
export class DurableAcks {
  private readonly states = new WeakMap<SyncSocket, AckState>();

  /**
   * Counts one applied update frame of `socket`. Once `committed` (the commit
   * covering everything applied so far) lands, `send` gets an ack for it. After
   * a frame that left updates waiting for missing dependencies, the connection
   * is acknowledged no further (what waits is not stored); its client's next
   * connection starts afresh.
   */
  applied(socket: SyncSocket, integrated: boolean, committed: Promise<void>, send: (frame: Uint8Array) => void): void {
    const state = this.stateOf(socket);
    state.received += 1;
    if (!integrated) state.stalled = true;
    if (state.stalled) return;
    const count = state.received;
    void committed.then(() => {
      if (count <= state.durable) return;
      state.durable = count;
      if (state.flushQueued) return;
      state.flushQueued = true;
      // Every frame covered by the same commit resolves in this microtask run; send once after them.
      queueMicrotask(() => {
        state.flushQueued = false;
        if (state.durable <= state.sent) return;
        state.sent = state.durable;
        send(encodeDurableAck(state.durable));
      });
    });
  }

  private stateOf(socket: SyncSocket): AckState {
    let state = this.states.get(socket);
    if (!state) {
      state = { received: 0, durable: 0, sent: 0, flushQueued: false, stalled: false };
      this.states.set(socket, state);
    }
    return state;
  }
}

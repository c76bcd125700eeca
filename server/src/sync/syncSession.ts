import type { WebSocketLike } from '@hono/node-server';
import { CloseCode } from '@samverka/model';
import { affects, type RightsChanged } from '../access/rightsEvents.ts';
import { EarlyFrameBuffer } from './earlyFrameBuffer.ts';
import type { Room } from './room.ts';
import { type SentAnswer, type StoredAnswer, syncStep1Vector } from './storedAnswer.ts';
import type { ConnectionInfo, SyncSocket } from './syncConnection.ts';

/** Frames a socket may send before its document has loaded (a real client sends a few). */
const EARLY_FRAME_LIMIT = 256;

/**
 * One socket's life, in the spirit of tldraw's `RoomSession`: `authorising`
 * (the upgrade request is asked about; rights changes meanwhile are kept),
 * `joining` (upgraded, the room loads; early frames wait), `live` (in its
 * room), `closing`. Created before the policy reads anything, so a rights
 * change committed after that read always reaches it in some state.
 */
export type SyncSessionState =
  | { phase: 'authorising'; changes: RightsChanged[]; missed: boolean }
  | {
      phase: 'joining';
      info: ConnectionInfo;
      early: EarlyFrameBuffer;
      raw?: WebSocketLike;
      revoked: boolean;
      /** The room's stored log while it loads, and the first sync step 1's state vector (see `answerWhileLoading`). */
      stored?: StoredAnswer;
      asked?: Uint8Array;
      answered?: SentAnswer;
    }
  | { phase: 'live'; info: ConnectionInfo; raw: WebSocketLike; room: Room; socket: SyncSocket }
  | { phase: 'closing' };

/** What a session needs from the route. */
export interface SyncSessionDeps {
  /** Closes a raw socket (and counts the close in the metrics). */
  close(raw: WebSocketLike, code: number): void;
  /** The session left the room it was live in. */
  left(room: Room): void;
  maxFrameBytes: number;
}

export class SyncSession {
  private current: SyncSessionState = { phase: 'authorising', changes: [], missed: false };

  constructor(private readonly deps: SyncSessionDeps) {}

  get state(): SyncSessionState {
    return this.current;
  }

  /**
   * The policy answered `info`. True if no rights change reaching this person
   * arrived while it was asked; false means the answer may be stale: ask again.
   */
  authorised(info: ConnectionInfo): boolean {
    if (this.current.phase !== 'authorising') return false;
    const holder = holderOf(info);
    if (this.current.missed || (holder && this.current.changes.some((change) => affects(change, holder)))) {
      this.current.changes = [];
      this.current.missed = false;
      return false;
    }
    const early = new EarlyFrameBuffer(EARLY_FRAME_LIMIT, 2 * this.deps.maxFrameBytes);
    this.current = { phase: 'joining', info, early, revoked: false };
    return true;
  }

  /** The upgrade completed; false when the session must be closed at once (rights changed meanwhile). */
  opened(raw: WebSocketLike): boolean {
    if (this.current.phase !== 'joining') return false;
    this.current.raw = raw;
    if (!this.current.revoked) return true;
    this.close(CloseCode.REAUTHORIZE);
    return false;
  }

  /** The room loaded: join it, unless the session closed or its rights changed meanwhile. */
  join(room: Room): boolean {
    const state = this.current;
    if (state.phase !== 'joining' || !state.raw) return false;
    const raw = state.raw;
    // The `ws` socket's TCP stream (a documented-by-use internal of `ws`; absent on other transports).
    const tcp = (raw as { _socket?: { cork(): void; uncork(): void } })._socket;
    const socket: SyncSocket = {
      send: (frame) => raw.send(frame),
      close: (code, reason) => raw.close(code, reason),
      cork: tcp && (() => tcp.cork()),
      uncork: tcp && (() => tcp.uncork()),
      get bufferedAmount() {
        return (raw as { bufferedAmount?: number }).bufferedAmount ?? 0;
      },
    };
    if (!room.addConnection(socket, state.info, state.answered)) return false;
    this.current = { phase: 'live', info: state.info, raw, room, socket };
    for (const frame of state.early.take()) room.receive(socket, frame);
    return true;
  }

  /** A frame from the client; false when it overflowed the early buffer (the caller closes). */
  receive(frame: Uint8Array): boolean {
    const state = this.current;
    if (state.phase === 'live') state.room.receive(state.socket, frame);
    else if (state.phase === 'joining') {
      if (!state.early.push(frame)) return false;
      if (!state.asked) {
        state.asked = syncStep1Vector(frame);
        this.answerEarly();
      }
    }
    return true;
  }

  /**
   * The room is loading from `stored`: the socket's first sync step 1 is
   * answered from the stored log as soon as both are there, without waiting
   * for the doc. The frame itself still goes to the room, which then sends
   * only what the doc holds beyond that answer (usually nothing).
   */
  answerWhileLoading(stored: StoredAnswer): void {
    const state = this.current;
    if (state.phase !== 'joining') return;
    state.stored = stored;
    stored.whenRead(() => this.answerEarly());
  }

  private answerEarly(): void {
    const state = this.current;
    if (state.phase !== 'joining' || !state.raw || !state.asked || !state.stored || state.answered) return;
    let answer: ReturnType<StoredAnswer['answer']>;
    try {
      answer = state.stored.answer(state.asked);
    } catch {
      return; // a log Yjs cannot merge or diff: the room answers (or fails to load) instead
    }
    if (!answer) return;
    state.answered = answer.sent;
    state.raw.send(answer.frame);
  }

  /** A rights change was published: keep it while authorising, else close if it reaches this person. */
  rightsChanged(change: RightsChanged): void {
    const state = this.current;
    if (state.phase === 'authorising') {
      state.changes.push(change);
      return;
    }
    if (state.phase === 'closing') return;
    const holder = holderOf(state.info);
    if (holder && affects(change, holder)) this.revoke();
  }

  /**
   * Rights changes may have been missed (see `RightsBus.onMissed`). An answer
   * being asked for is stale then (asked again); otherwise returns the info the
   * session was authorised with, for the caller to check against the database.
   */
  changesMissed(): ConnectionInfo | undefined {
    const state = this.current;
    if (state.phase === 'authorising') state.missed = true;
    if (state.phase === 'authorising' || state.phase === 'closing') return undefined;
    return state.info;
  }

  /** The person's rights here changed: close with REAUTHORIZE (at once, or as soon as the socket opens). */
  revoke(): void {
    const state = this.current;
    if (state.phase === 'authorising' || state.phase === 'closing') return;
    if (state.phase === 'joining' && !state.raw) state.revoked = true;
    else this.close(CloseCode.REAUTHORIZE);
  }

  /** Closes the socket with `code` (if open) and leaves its room. */
  close(code: number): void {
    const state = this.current;
    if (state.phase === 'closing') return;
    this.closed();
    if (state.phase !== 'authorising' && state.raw) this.deps.close(state.raw, code);
  }

  /** The socket closed (either side), or is being closed: leave the room. */
  closed(): void {
    const state = this.current;
    this.current = { phase: 'closing' };
    if (state.phase === 'joining') state.early.clear();
    if (state.phase !== 'live') return;
    state.room.removeConnection(state.socket);
    this.deps.left(state.room);
  }
}

function holderOf(info: ConnectionInfo): { userId: string; partnershipId: string } | undefined {
  return info.userId && info.partnershipId ? { userId: info.userId, partnershipId: info.partnershipId } : undefined;
}

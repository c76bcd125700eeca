import { upgradeWebSocket, type WebSocketData, type WebSocketLike } from '@hono/node-server';
import { CloseCode, closeCodeName, isDocumentId, SYNC_PATH_PREFIX } from '@samverka/model';
import { type Context, Hono } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';
import type { WSEvents } from 'hono/ws';
import type { RightsBus } from '../access/rightsEvents.ts';
import type { Logger } from '../logger.ts';
import type { QuotaSlot, SocketQuota } from './connectionQuota.ts';
import type { KeepAlive } from './keepAlive.ts';
import { type Reauthorize, recheckSessions } from './rightsRecheck.ts';
import type { RoomRegistry } from './roomRegistry.ts';
import type { ConnectionInfo } from './syncConnection.ts';
import { SyncSession } from './syncSession.ts';

/**
 * The outcome of authorising an upgrade: a connection mode, or an HTTP refusal.
 * `reauthorize` asks again with the same credential, for a re-check after rights
 * changes may have been missed; sockets allowed without it are never re-checked.
 */
export type SyncAuthorization =
  | { allow: ConnectionInfo; reauthorize?: Reauthorize }
  | { refuse: 401 | 403 | 404 | 409 };

/** Decides, once per upgrade, whether and how a request may connect to a document. */
export type SyncAuthorizer = (c: Context, documentId: string) => Promise<SyncAuthorization>;

/** A rights change arriving during each of this many answers in a row gives up with 503. */
const MAX_AUTHORISATIONS = 3;
/** An upgrade that never completes (the client went away) is forgotten after this long. */
const UPGRADE_TIMEOUT_MS = 60_000;

export interface SyncRouteOptions {
  registry: RoomRegistry;
  keepAlive: KeepAlive;
  allowedOrigins: readonly string[];
  authorize: SyncAuthorizer;
  log: Logger;
  /** Bounds the frames held while a document loads. */
  maxFrameBytes: number;
  /** Rights changes close the affected sessions, whatever state they are in. */
  rights: RightsBus;
  /** Per-account socket limits, checked before the document is opened. */
  quota?: SocketQuota;
}

type SyncVariables = RequestIdVariables & { syncSession: SyncSession };

/** A binary frame from `ws` (a Buffer, or its fragments) as bytes; a view, not a copy. */
function binaryFrame(data: WebSocketData): Uint8Array | undefined {
  if (typeof data === 'string') return undefined;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data instanceof Uint8Array) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.concat(data); // fragments
}

/**
 * Mounts `GET /sync/:documentId`: checks the path and Origin, asks the
 * authoriser for a mode, upgrades, then hands the socket to the document's room.
 */
export function mountSyncRoute(app: Hono, options: SyncRouteOptions): void {
  const { registry, keepAlive, log, maxFrameBytes } = options;
  /** Each session, with the way to ask about it again once it is authorised. */
  const sessions = new Map<SyncSession, Reauthorize | undefined>();
  // The one subscriber: every session hears every change and decides whether it is touched.
  options.rights.subscribe((change) => {
    for (const session of [...sessions.keys()]) session.rightsChanged(change);
  });
  options.rights.onMissed(() => void recheckSessions(sessions, log));
  const close = (raw: WebSocketLike, code: number) => {
    registry.metrics.closes.inc(1, { reason: closeCodeName(code) ?? String(code) });
    raw.close(code, closeCodeName(code) ?? '');
  };
  const sessionDeps = { close, maxFrameBytes, left: () => registry.trackConnection(-1) };
  const sync = new Hono<{ Variables: SyncVariables }>();

  sync.get(
    '/:documentId',
    async (c, next) => {
      const documentId = c.req.param('documentId');
      if (!isDocumentId(documentId)) return c.body(null, 404);
      const origin = c.req.header('origin');
      // Browsers always send Origin on a WebSocket; refusing foreign ones stops
      // another site from riding a member's cookie (cross-site WebSocket hijacking).
      if (origin !== undefined && !options.allowedOrigins.includes(origin)) return c.body(null, 403);
      // Registered before the policy reads anything: a change committed after that read reaches it.
      const session = new SyncSession(sessionDeps);
      sessions.set(session, undefined);
      const forget = () => sessions.delete(session);
      try {
        for (let attempt = 0; attempt < MAX_AUTHORISATIONS; attempt++) {
          const decision = await options.authorize(c, documentId);
          if ('refuse' in decision) {
            forget();
            return c.body(null, decision.refuse);
          }
          if (session.authorised({ ...decision.allow, acks: c.req.query('acks') === '1' })) {
            if (sessions.has(session)) sessions.set(session, decision.reauthorize);
            break;
          }
        }
      } catch (error) {
        forget();
        throw error;
      }
      if (session.state.phase !== 'joining') {
        forget();
        return c.body(null, 503);
      }
      setTimeout(() => {
        if (session.state.phase === 'joining' && !session.state.raw) forget();
      }, UPGRADE_TIMEOUT_MS).unref();
      c.set('syncSession', session);
      return next();
    },
    upgradeWebSocket((c) => {
      const documentId = c.req.param('documentId') as string;
      const session = c.get('syncSession');
      const mode = session.state.phase === 'joining' ? session.state.info.mode : undefined;
      // Ids only: the request id ties these lines to the upgrade's request line.
      const context = { reqId: c.get('requestId'), documentId, mode };
      let releaseQuota = () => {};
      let socketClosed = false;

      const receive = (raw: WebSocketLike, frame: Uint8Array | undefined) => {
        keepAlive.seen(raw);
        if (!frame) {
          session.close(CloseCode.MALFORMED_MESSAGE);
          return;
        }
        if (!session.receive(frame)) session.close(CloseCode.RATE_LIMITED);
      };
      const handlers: WSEvents<WebSocketLike> = {
        onOpen(_event, ws) {
          const raw = ws.raw as WebSocketLike;
          // Frames are read from the ws socket itself: @hono/node-server wraps each one in an undici
          // MessageEvent over a copy of its bytes (7 % of the server's CPU in a one-writer replay).
          // Frames that arrived before this call reach `onMessage` right after it returns; a microtask
          // later it is removed, before any later frame's event can run, so each frame is read once.
          // This relies on the adapter's internals: its version is pinned (upgradePacketFrames.test.ts).
          raw.on('message', (data, isBinary) => receive(raw, isBinary ? binaryFrame(data) : undefined));
          queueMicrotask(() => {
            handlers.onMessage = undefined;
          });
          keepAlive.watch(raw);
          if (!session.opened(raw)) return;
          const userId = session.state.phase === 'joining' ? session.state.info.userId : undefined;
          const join = (slot: QuotaSlot | undefined) => {
            if (slot && 'refuse' in slot) return session.close(slot.refuse);
            if (slot) {
              // A shared count answers later: the socket may have closed meanwhile.
              if (socketClosed) return slot.release();
              releaseQuota = slot.release;
            }
            const opening = registry.open(documentId);
            const stored = registry.storedAnswerWhileLoading(documentId);
            if (stored) session.answerWhileLoading(stored);
            opening.then(
              (room) => {
                if (!session.join(room)) {
                  registry.releaseIfIdle(room);
                  return;
                }
                registry.trackConnection(1);
                log.info(context, 'sync connection opened');
              },
              (error: unknown) => {
                log.error({ ...context, err: String(error) }, 'document load failed');
                session.close(CloseCode.LOAD_FAILED);
              },
            );
          };
          const slot = options.quota?.acquire(userId, documentId);
          if (slot instanceof Promise) void slot.then(join);
          else join(slot);
        },
        onMessage(event, ws) {
          const data = event.data;
          receive(ws.raw as WebSocketLike, data instanceof ArrayBuffer ? new Uint8Array(data) : undefined);
        },
        onClose(event, ws) {
          socketClosed = true;
          sessions.delete(session);
          releaseQuota();
          keepAlive.forget(ws.raw as WebSocketLike);
          session.closed();
          log.info({ ...context, code: event.code }, 'sync connection closed');
        },
      };
      return handlers;
    }),
  );
  app.route(SYNC_PATH_PREFIX, sync);
}

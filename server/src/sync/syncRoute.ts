import { upgradeWebSocket, type WebSocketLike } from '@hono/node-server';
import { CloseCode, closeCodeName, isDocumentId, SYNC_PATH_PREFIX } from '@samverka/model';
import type { Context, Hono } from 'hono';
import type { Logger } from '../logger.ts';
import type { ConnectionQuota } from './connectionQuota.ts';
import { EarlyFrameBuffer } from './earlyFrameBuffer.ts';
import type { KeepAlive } from './keepAlive.ts';
import type { Revocations } from './revocations.ts';
import type { Room } from './room.ts';
import type { RoomRegistry } from './roomRegistry.ts';
import type { ConnectionInfo, SyncSocket } from './syncConnection.ts';

/** Frames a socket may send before its document has loaded (a real client sends a few). */
const EARLY_FRAME_LIMIT = 256;

/** The outcome of authorising an upgrade: a connection mode, or an HTTP refusal. */
export type SyncAuthorization = { allow: ConnectionInfo } | { refuse: 401 | 403 | 404 };

/** Decides, once per upgrade, whether and how a request may connect to a document. */
export type SyncAuthorizer = (c: Context, documentId: string) => Promise<SyncAuthorization>;

export interface SyncRouteOptions {
  registry: RoomRegistry;
  keepAlive: KeepAlive;
  allowedOrigins: readonly string[];
  authorize: SyncAuthorizer;
  log: Logger;
  /** Bounds the frames held while a document loads. */
  maxFrameBytes: number;
  /** Rights changes since a socket was authorised turn it away at join time. */
  revocations?: Revocations;
  /** Per-account socket limits, checked before the document is opened. */
  quota?: ConnectionQuota;
}

/**
 * Mounts `GET /sync/:documentId`: checks the path and Origin, asks the
 * authoriser for a mode, upgrades, then hands the socket to the document's room.
 */
export function mountSyncRoute(app: Hono, options: SyncRouteOptions): void {
  const { registry, keepAlive, log, maxFrameBytes } = options;

  app.get(
    `${SYNC_PATH_PREFIX}/:documentId`,
    async (c, next) => {
      const documentId = c.req.param('documentId');
      if (!isDocumentId(documentId)) return c.body(null, 404);
      const origin = c.req.header('origin');
      // Browsers always send Origin on a WebSocket; refusing foreign ones stops
      // another site from riding a member's cookie (cross-site WebSocket hijacking).
      if (origin !== undefined && !options.allowedOrigins.includes(origin)) return c.body(null, 403);
      const decision = await options.authorize(c, documentId);
      if ('refuse' in decision) return c.body(null, decision.refuse);
      c.set('syncConnection' as never, decision.allow as never);
      c.set('syncAuthorizedAt' as never, Date.now() as never);
      return next();
    },
    upgradeWebSocket((c) => {
      const documentId = c.req.param('documentId') as string;
      const info = c.get('syncConnection' as never) as ConnectionInfo;
      const authorizedAt = c.get('syncAuthorizedAt' as never) as number;
      // Ids only: the request id ties these lines to the upgrade's request line.
      const context = { reqId: c.get('requestId' as never) as string | undefined, documentId, mode: info.mode };
      let room: Room | undefined;
      let socket: SyncSocket | undefined;
      let closed = false;
      let releaseQuota = () => {};
      const early = new EarlyFrameBuffer(EARLY_FRAME_LIMIT, 2 * maxFrameBytes);

      const refuse = (raw: WebSocketLike, code: number) => {
        registry.metrics.closes.inc(1, { reason: closeCodeName(code) ?? String(code) });
        raw.close(code, closeCodeName(code) ?? '');
      };

      return {
        onOpen(_event, ws) {
          const raw = ws.raw as WebSocketLike;
          socket = {
            send: (frame) => raw.send(frame),
            close: (code, reason) => raw.close(code, reason),
            get bufferedAmount() {
              return (raw as { bufferedAmount?: number }).bufferedAmount ?? 0;
            },
          };
          keepAlive.watch(raw);
          const slot = options.quota?.acquire(info.userId, documentId);
          if (slot && 'refuse' in slot) return refuse(raw, slot.refuse);
          if (slot) releaseQuota = slot.release;
          registry.open(documentId).then(
            (loaded) => {
              if (!closed && options.revocations?.revokedSince(info.userId, authorizedAt)) {
                // Rights changed while the document loaded: reconnect and be authorised afresh.
                refuse(raw, CloseCode.REAUTHORIZE);
                registry.releaseIfIdle(loaded);
                return;
              }
              if (closed || !socket || !loaded.addConnection(socket, info)) {
                registry.releaseIfIdle(loaded);
                return;
              }
              room = loaded;
              registry.trackConnection(1);
              log.info(context, 'sync connection opened');
              for (const frame of early.take()) loaded.receive(socket, frame);
            },
            (error: unknown) => {
              log.error({ ...context, err: String(error) }, 'document load failed');
              refuse(raw, CloseCode.LOAD_FAILED);
            },
          );
        },
        onMessage(event, ws) {
          const raw = ws.raw as WebSocketLike;
          keepAlive.seen(raw);
          if (!(event.data instanceof ArrayBuffer)) {
            refuse(raw, CloseCode.MALFORMED_MESSAGE);
            return;
          }
          const frame = new Uint8Array(event.data);
          if (room && socket) room.receive(socket, frame);
          else if (!closed && !early.push(frame)) refuse(raw, CloseCode.RATE_LIMITED);
        },
        onClose(event, ws) {
          closed = true;
          releaseQuota();
          early.clear();
          keepAlive.forget(ws.raw as WebSocketLike);
          if (room && socket) {
            room.removeConnection(socket);
            registry.trackConnection(-1);
          }
          log.info({ ...context, code: event.code }, 'sync connection closed');
        },
      };
    }),
  );
}

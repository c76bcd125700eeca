import { CloseCode, ErrorId } from '@samverka/model';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { AppServices } from './appServices.ts';
import { ASSET_UPLOAD_PATH } from './assets/assetRoutes.ts';
import { sessionAuth } from './auth/requestAuth.ts';
import { SessionStore } from './auth/sessionStore.ts';
import type { Config } from './config.ts';
import { EditActivity } from './documents/editActivity.ts';
import { csrfProtection } from './http/csrf.ts';
import { mountHealth } from './http/health.ts';
import { ApiError, handleError, notFound } from './http/httpErrors.ts';
import { RateLimiter } from './http/rateLimiter.ts';
import { requestLogging } from './http/requestLogging.ts';
import { mountApiRoutes } from './http/routeRegistry.ts';
import { securityHeaders } from './http/securityHeaders.ts';
import { mountStaticClient } from './http/staticClient.ts';
import type { Logger } from './logger.ts';
import { MetricsRegistry, registerProcessMetrics } from './metrics.ts';
import { policySyncAuthorizer } from './policy/syncAuthorizer.ts';
import type { Database } from './storage/database.ts';
import { SqlUpdateLogStore } from './storage/sqlUpdateLogStore.ts';
import { KeepAlive } from './sync/keepAlive.ts';
import { Revocations } from './sync/revocations.ts';
import { RoomRegistry } from './sync/roomRegistry.ts';
import { mountSyncRoute, type SyncAuthorizer } from './sync/syncRoute.ts';

export interface AppParts {
  app: Hono;
  registry: RoomRegistry;
  keepAlive: KeepAlive;
  metrics: MetricsRegistry;
}

/** Optional parts a caller (a test, later the auth module) may swap in. */
export interface AppOptions {
  /** Decides each sync upgrade's mode; defaults to the policy (session, membership, role). */
  authorize?: SyncAuthorizer;
}

/** Builds the Hono app and the sync core around one database. */
export function createApp(config: Config, database: Database, log: Logger, options: AppOptions = {}): AppParts {
  const metrics = new MetricsRegistry();
  registerProcessMetrics(metrics);
  const store = new SqlUpdateLogStore(database.db, database.dialect);
  const editActivity = new EditActivity(database.db, log);
  const registry = new RoomRegistry(store, config.sync, log, metrics, editActivity.record);
  const keepAlive = new KeepAlive(config.sync.pingIntervalMs, config.sync.idleTimeoutMs, () =>
    registry.metrics.closes.inc(1, { reason: 'IDLE_TIMEOUT' }),
  );
  const app = new Hono();
  const sessions = new SessionStore(database.db);
  const revocations = new Revocations();
  const revokeSockets = async (userId: string) => {
    revocations.record(userId);
    const closeAll = async () => {
      for (const room of await registry.loadedRooms()) room.closeConnectionsOf(userId, CloseCode.REAUTHORIZE);
    };
    await closeAll();
    // A socket authorised a moment ago may still be joining its room; sweep once more for it.
    setTimeout(() => void closeAll(), 300).unref();
  };
  const closeDocumentSockets = async (documentId: string) => {
    for (const room of await registry.loadedRooms()) {
      if (room.documentId !== documentId) continue;
      room.closeAll(CloseCode.DOCUMENT_NOT_FOUND);
      await room.flushed();
    }
  };
  const services: AppServices = {
    db: database.db,
    config,
    log,
    sessions,
    rateLimiter: new RateLimiter(),
    updateLog: store,
    revokeSockets,
    closeDocumentSockets,
  };

  app.onError((error, c) => handleError(error, c, log));
  app.use(requestId(), requestLogging(log));
  app.use(securityHeaders(config.allowedOrigins), csrfProtection(config.allowedOrigins));
  const jsonBodyLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new ApiError(413, ErrorId.PAYLOAD_TOO_LARGE, 'The request body is larger than 1 MB');
    },
  });
  // Canvas uploads are files, not JSON: they get their own, larger limit.
  const assetBodyLimit = bodyLimit({
    maxSize: config.assets.maxBytes,
    onError: () => {
      throw new ApiError(413, ErrorId.PAYLOAD_TOO_LARGE, `Uploads are limited to ${config.assets.maxBytes} bytes`);
    },
  });
  app.use('/api/*', (c, next) =>
    ASSET_UPLOAD_PATH.test(c.req.path) ? assetBodyLimit(c, next) : jsonBodyLimit(c, next),
  );

  mountHealth(app);
  app.get('/metrics', (c) => c.text(metrics.render(), 200, { 'Content-Type': 'text/plain; version=0.0.4' }));
  mountSyncRoute(app, {
    registry,
    keepAlive,
    allowedOrigins: config.allowedOrigins,
    authorize: options.authorize ?? policySyncAuthorizer(database.db, sessions),
    log,
    maxFrameBytes: config.sync.maxFrameBytes,
    revocations,
  });
  app.use('/api/*', sessionAuth(sessions, config.publicUrl));
  mountApiRoutes(app, services);
  app.all('/api/*', () => {
    throw notFound('No such API route');
  });
  mountStaticClient(app, { distDir: config.clientDistDir, tldrawLicenseKey: config.tldrawLicenseKey }, log);
  return { app, registry, keepAlive, metrics };
}

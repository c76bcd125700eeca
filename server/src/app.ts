import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { AccessResolver } from './access/accessResolver.ts';
import { InProcessRightsBus, type RightsBus } from './access/rightsEvents.ts';
import { syncAuthorizer } from './access/syncAccess.ts';
import type { AppServices } from './appServices.ts';
import { ASSET_UPLOAD_PATH, uploadLimitMessage } from './assets/assetRoutes.ts';
import { DEFAULT_LOGIN_THROTTLE, LoginThrottle } from './auth/loginThrottle.ts';
import { sessionAuth } from './auth/requestAuth.ts';
import { SessionStore } from './auth/sessionStore.ts';
import { CommentCommands } from './comments/commentCommands.ts';
import { InProcessEventHub, type PartnershipEventHub } from './comments/eventHub.ts';
import { EventLogRetention } from './comments/eventLogRetention.ts';
import { EventStreams } from './comments/eventStreams.ts';
import type { Config } from './config.ts';
import { EditActivity } from './documents/editActivity.ts';
import { apiErrors, handleError } from './http/apiErrors.ts';
import type { OperationSpec } from './http/apiRouter.ts';
import { parseTrustedProxies, resolveClientAddress } from './http/clientAddress.ts';
import { csrfProtection } from './http/csrf.ts';
import { mountHealth } from './http/health.ts';
import { databaseReady, mountMetrics, mountReadiness, redisReady } from './http/observability.ts';
import { RateLimiter } from './http/rateLimiter.ts';
import { requestLogging } from './http/requestLogging.ts';
import { securityHeaders } from './http/securityHeaders.ts';
import { mountStaticClient } from './http/staticClient.ts';
import type { Logger } from './logger.ts';
import { createMailer } from './mail/mailer.ts';
import { createProcessMetrics, MetricsRegistry } from './metrics.ts';
import { NotificationSender } from './notifications/notificationSender.ts';
import { CSRF_EXEMPT_PATHS } from './notifications/unsubscribeRoutes.ts';
import { mountApiRoutes } from './routeRegistry.ts';
import type { RedisLink } from './scaleout/redisLink.ts';
import { scaleOutParts } from './scaleout/scaleOut.ts';
import type { Database } from './storage/database.ts';
import { SqlUpdateLogStore } from './storage/sqlUpdateLogStore.ts';
import type { UpdateLogStore } from './storage/updateLogStore.ts';
import { ConnectionQuota } from './sync/connectionQuota.ts';
import { KeepAlive } from './sync/keepAlive.ts';
import { RoomRegistry } from './sync/roomRegistry.ts';
import { mountSyncRoute, type SyncAuthorizer } from './sync/syncRoute.ts';

export interface AppParts {
  app: Hono;
  registry: RoomRegistry;
  keepAlive: KeepAlive;
  metrics: MetricsRegistry;
  /** Where rights changes are published (commands) and heard (the sync route). */
  rights: RightsBus;
  /** Every API operation as its spec declares it (OpenAPI, the permission matrix). */
  operations: readonly OperationSpec[];
  /** Resolves once the parts shared with other processes are listening (at once without Redis). */
  ready: Promise<unknown>;
  /** The open partnership event streams; closed on shutdown. */
  events: EventStreams;
  /** Prunes the partnership event log; stopped on shutdown. */
  eventRetention: EventLogRetention;
  /** Sends queued notification emails (immediately after commit, and the daily digest); `startServer` starts its timer. */
  notifications: NotificationSender;
}

/** Optional parts a caller (a test, later the auth module) may swap in. */
export interface AppOptions {
  /** Decides each sync upgrade's mode; defaults to the access resolver (session, membership, role). */
  authorize?: SyncAuthorizer;
  /** Where rights changes travel; defaults to this process only, or Redis when `redis` is given. */
  rights?: RightsBus;
  /** The connection to the other server processes (`REDIS_URL`), opened by `startServer`. */
  redis?: RedisLink;
  /** Where partnership events travel live; defaults to this process only. */
  eventHub?: PartnershipEventHub;
  /** Now, for the notification digest's schedule; tests move it to trigger the digest. */
  clock?: () => number;
  /** Wrappers around the real parts, for tests that hold them at a chosen moment. */
  wrap?: {
    authorizer?(policy: SyncAuthorizer): SyncAuthorizer;
    updateLog?(store: UpdateLogStore): UpdateLogStore;
  };
}

/** Builds the Hono app and the sync core around one database. */
export function createApp(config: Config, database: Database, log: Logger, options: AppOptions = {}): AppParts {
  const metrics = new MetricsRegistry();
  const store = new SqlUpdateLogStore(database.db, database.dialect, database.updateLogWriter);
  const shared = options.redis ? scaleOutParts(options.redis, config, log) : undefined;
  const editActivity = new EditActivity(database.db, log);
  const registry = new RoomRegistry(
    options.wrap?.updateLog?.(store) ?? store,
    config.sync,
    log,
    metrics,
    editActivity.record,
    shared?.relay,
  );
  const keepAlive = new KeepAlive(config.sync.pingIntervalMs, config.sync.idleTimeoutMs, () =>
    registry.metrics.closes.inc(1, { reason: 'IDLE_TIMEOUT' }),
  );
  const app = new Hono();
  const sessions = new SessionStore(database.db);
  const access = new AccessResolver(database.db, sessions);
  const rights = options.rights ?? shared?.rights ?? new InProcessRightsBus();
  const policy = syncAuthorizer(access);
  const hub = options.eventHub ?? shared?.events ?? new InProcessEventHub();
  const events = new EventStreams({
    db: database.db,
    hub,
    rights,
    access,
    log,
    heartbeatMs: config.events.heartbeatMs,
    maxStreamsPerAccount: config.events.maxStreamsPerAccount,
  });
  const eventRetention = new EventLogRetention(database.db, config.events.retentionMs, log);
  const mailer = createMailer(config.mail, log);
  const notifications = new NotificationSender({
    db: database.db,
    mailer,
    log,
    publicUrl: config.publicUrl,
    digestHourUtc: config.mail.digestHourUtc,
    clock: options.clock ?? Date.now,
  });
  const services: AppServices = {
    db: database.db,
    config,
    log,
    sessions,
    rateLimiter: shared?.attempts ?? new RateLimiter(),
    loginThrottle: new LoginThrottle(
      { ...DEFAULT_LOGIN_THROTTLE, windowMs: config.rateLimits.windowMs },
      shared?.loginFailures,
    ),
    updateLog: store,
    rights,
    rooms: registry,
    mailer,
    comments: new CommentCommands({
      db: database.db,
      dialect: database.dialect,
      hub,
      rooms: registry,
      notifications: { onlyVerified: mailer.delivers, kick: () => notifications.kick() },
    }),
    events,
    notifications,
  };

  app.onError((error, c) => handleError(error, c, log));
  const trustedProxies = config.trustedProxies.length > 0 ? parseTrustedProxies(config.trustedProxies) : undefined;
  app.use(resolveClientAddress(trustedProxies), requestId(), requestLogging(log));
  app.use(
    securityHeaders(config.allowedOrigins, config.publicUrl),
    csrfProtection(config.allowedOrigins, CSRF_EXEMPT_PATHS),
  );
  const jsonBodyLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw apiErrors.payloadTooLarge('The request body is larger than 1 MB');
    },
  });
  // Canvas uploads are files, not JSON: they get their own, larger limit.
  const assetBodyLimit = bodyLimit({
    maxSize: config.assets.maxBytes,
    onError: () => {
      throw apiErrors.payloadTooLarge(uploadLimitMessage(config.assets.maxBytes));
    },
  });
  app.use('/api/*', (c, next) =>
    ASSET_UPLOAD_PATH.test(c.req.path) ? assetBodyLimit(c, next) : jsonBodyLimit(c, next),
  );

  mountHealth(app);
  const redis = options.redis;
  mountReadiness(app, {
    database: databaseReady(database),
    ...(redis ? { redis: redisReady(redis) } : {}),
  });
  mountMetrics(app, { ours: metrics, process: createProcessMetrics(), token: config.metricsToken });
  mountSyncRoute(app, {
    registry,
    keepAlive,
    allowedOrigins: config.allowedOrigins,
    authorize: options.authorize ?? options.wrap?.authorizer?.(policy) ?? policy,
    log,
    maxFrameBytes: config.sync.maxFrameBytes,
    rights,
    quota: shared?.sockets ?? new ConnectionQuota(config.sync),
  });
  app.use('/api/*', sessionAuth(access, config.publicUrl));
  const { operations } = mountApiRoutes(app, services, access);
  app.all('/api/*', () => {
    throw apiErrors.noSuchRoute();
  });
  mountStaticClient(
    app,
    {
      distDir: config.clientDistDir,
      tldrawLicenseKey: config.tldrawLicenseKey,
      serveSourceMaps: config.serveSourceMaps,
    },
    log,
  );
  return {
    app,
    registry,
    keepAlive,
    metrics,
    rights,
    operations,
    ready: shared?.ready ?? Promise.resolve(),
    events,
    eventRetention,
    notifications,
  };
}

import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type ServerType } from '@hono/node-server';
import { CloseCode } from '@samverka/model';
import { WebSocketServer } from 'ws';
import { type AppOptions, createApp } from './app.ts';
import type { Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import type { NotificationSender } from './notifications/notificationSender.ts';
import { openDatabase } from './storage/database.ts';
import { migrateToLatest } from './storage/migrations.ts';

/** Connections the kernel may queue before the server accepts them (see `startServer`). */
const LISTEN_BACKLOG = 4096;

export interface RunningServer {
  port: number;
  url: string;
  log: Logger;
  /** This process's notification sender (tests trigger the digest and wait for sends through it). */
  notifications: NotificationSender;
  /** Stops accepting, flushes every pending update, closes sockets with "going away". */
  stop(): Promise<void>;
}

/** Opens storage, migrates it, and listens. Used by main.ts and by integration tests. */
export async function startServer(
  config: Config,
  log: Logger = createLogger(config.logLevel),
  options: AppOptions = {},
): Promise<RunningServer> {
  const database = openDatabase({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    log,
    sqliteSynchronous: config.sqliteSynchronous,
  });
  await migrateToLatest(database.db, database.dialect);
  // Several processes: nothing is served before this one hears the others.
  // ioredis loads only when Redis is configured: a single process is spared its memory.
  const redis = config.redis ? new (await import('./scaleout/redisLink.ts')).RedisLink(config.redis, log) : undefined;
  if (redis) {
    await redis.connected();
    log.info({ prefix: config.redis?.prefix }, 'connected to Redis');
  }
  const parts = createApp(config, database, log, { redis, ...options });
  await parts.ready;
  // ws enforces the frame limit itself and closes an oversize sender with 1009.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.sync.maxFrameBytes });
  const server: ServerType = createAdaptorServer({ fetch: parts.app.fetch, websocket: { server: wss } });
  // Node's default backlog (511) is about what one script opens in an instant (510 sockets in the
  // abuse suite): the excess would wait on SYN retries, stalling everyone's connects, before any
  // limit of ours could refuse it. The kernel caps this at net.core.somaxconn.
  await new Promise<void>((resolve) =>
    server.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, resolve),
  );
  const port = (server.address() as AddressInfo).port;
  parts.notifications.start();
  log.info({ port, dialect: database.dialect }, 'samverka listening');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      server.close();
      parts.keepAlive.stop();
      parts.eventRetention.stop();
      parts.notifications.stop();
      await parts.notifications.idle();
      parts.events.closeAll();
      await parts.registry.shutdown(CloseCode.GOING_AWAY);
      for (const client of wss.clients) client.terminate();
      redis?.close();
      await database.close();
    })();
    return stopping;
  };
  return { port, url: `http://localhost:${port}`, log, notifications: parts.notifications, stop };
}

/** SIGTERM/SIGINT: stop accepting, flush, close sockets with 1001, then exit. */
export function stopOnSignals(server: RunningServer, log: Logger): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log.info({ signal }, 'shutting down');
      server.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: String(error) }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

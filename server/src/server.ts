import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { CloseCode } from '@samverka/model';
import { WebSocketServer } from 'ws';
import { type AppOptions, createApp } from './app.ts';
import type { Config } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { openDatabase } from './storage/database.ts';
import { migrateToLatest } from './storage/migrations.ts';

export interface RunningServer {
  port: number;
  url: string;
  log: Logger;
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
  const parts = createApp(config, database, log, options);
  // ws enforces the frame limit itself and closes an oversize sender with 1009.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.sync.maxFrameBytes });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      { fetch: parts.app.fetch, port: config.port, hostname: config.host, websocket: { server: wss } },
      () => resolve(s),
    );
  });
  const port = (server.address() as AddressInfo).port;
  log.info({ port, dialect: database.dialect }, 'samverka listening');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      server.close();
      parts.keepAlive.stop();
      parts.eventRetention.stop();
      parts.events.closeAll();
      await parts.registry.shutdown(CloseCode.GOING_AWAY);
      for (const client of wss.clients) client.terminate();
      await database.close();
    })();
    return stopping;
  };
  return { port, url: `http://localhost:${port}`, log, stop };
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

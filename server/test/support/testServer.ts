import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import WebSocket from 'ws';
import type { AppOptions } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { openDatabase } from '../../src/storage/database.ts';
import type { SyncAuthorizer } from '../../src/sync/syncRoute.ts';

/** Every document open for editing: these tests exercise the sync core, not accounts. */
export const openAccess: SyncAuthorizer = async () => ({ allow: { mode: 'read-write' } });

/** A real server in this process on a free port, over a fresh SQLite folder. */
export interface TestServer {
  server: RunningServer;
  dataDir: string;
  /** Every JSON log line the server wrote, when started with `captureLogs`. */
  logs: string[];
  /** Stops the server (graceful), keeping the data folder. */
  stop(): Promise<void>;
  /** Starts a new server over the same data folder (and env). */
  restart(): Promise<void>;
  /** Stops the server and removes the data folder. */
  dispose(): Promise<void>;
}

export interface TestServerOptions extends AppOptions {
  /** Defaults to `openAccess`. */
  env?: Record<string, string>;
  /** Log at this level into `logs` instead of discarding everything. */
  captureLogs?: 'info' | 'debug';
}

/** Starts `startServer` in-process, e.g. to pass a custom authoriser or capture logs. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-it-'));
  const logs: string[] = [];
  const log: Logger = options.captureLogs
    ? createLogger(
        options.captureLogs,
        new Writable({
          write(chunk, _enc, done) {
            logs.push(...String(chunk).split('\n').filter(Boolean));
            done();
          },
        }),
      )
    : createLogger('silent');
  const boot = () =>
    startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, ...options.env }), log, {
      authorize: options.authorize ?? openAccess,
      ...(options.clock ? { clock: options.clock } : {}),
    });
  const handle: TestServer = {
    server: await boot(),
    dataDir,
    logs,
    stop: () => handle.server.stop(),
    async restart() {
      handle.server = await boot();
    },
    async dispose() {
      await handle.server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}

/** Opens the server's SQLite file directly, as an operator's script would. */
export function openDataDir(dataDir: string) {
  return openDatabase({ dataDir });
}

/** A raw WebSocket to a document, for sending frames no real client would. */
export function openRaw(
  baseUrl: string,
  documentId: string,
  options: WebSocket.ClientOptions = {},
): Promise<WebSocket> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/sync/${documentId}`, options);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Resolves with the close code the socket receives. */
export function closeCodeOf(ws: WebSocket): Promise<number> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.reject(new Error('socket already closed'));
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

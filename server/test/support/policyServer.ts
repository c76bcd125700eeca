import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import * as Y from 'yjs';
import type { AppOptions } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { TEST_ORIGIN } from './apiClient.ts';
import { connectClient, type TestClient } from './syncClient.ts';

/** A real server exactly as deployed (the policy guards the sync route), over a fresh SQLite folder. */
export interface PolicyServer {
  server: RunningServer;
  dataDir: string;
  /** Stops the server and removes the data folder. */
  dispose(): Promise<void>;
}

/** Starts the real server on port 0; `TEST_ORIGIN` is allowed so API clients pass the CSRF check. */
export async function startPolicyServer(
  env: Record<string, string> = {},
  options: Omit<AppOptions, 'authorize'> = {},
): Promise<PolicyServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-auth-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, ALLOWED_ORIGINS: TEST_ORIGIN, ...env });
  const server = await startServer(config, createLogger('silent'), options);
  return {
    server,
    dataDir,
    async dispose() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A policy server for one `describe` block: started before its tests, stopped after them, with every
 * sync client it opened destroyed first. Call it at the top of the block.
 */
export function policyServerSuite(env: Record<string, string> = {}) {
  let running: PolicyServer | undefined;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    running = await startPolicyServer(env);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await running?.dispose();
  });
  const suite = {
    get server(): PolicyServer {
      if (!running) throw new Error('the policy server starts in beforeAll');
      return running;
    },
    get base(): string {
      return suite.server.server.url;
    },
    /** Destroys these clients when the suite ends; returns the first. */
    track(client: TestClient, ...more: TestClient[]): TestClient {
      clients.push(client, ...more);
      return client;
    },
    /** A sync client on `documentId` with `cookie` (or none), destroyed when the suite ends. */
    connectAs(cookie: string | undefined, documentId: string): TestClient {
      return suite.track(connectClient(suite.base, documentId, new Y.Doc(), { headers: cookie ? { cookie } : {} }));
    },
  };
  return suite;
}

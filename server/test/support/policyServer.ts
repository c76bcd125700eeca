import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppOptions } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { TEST_ORIGIN } from './apiClient.ts';

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

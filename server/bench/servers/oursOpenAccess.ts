/**
 * Child-process entry: our real server (startServer, same config from env) with
 * every document open for editing; the bench runs it compiled as production is
 * (oursBundle.ts). The peers check no credentials either, so
 * this compares sync work like for like; the per-upgrade session and
 * membership lookup of main.ts is not measured.
 */
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { startServer } from '../../src/server.ts';
import { releaseStartupMemory } from '../../src/startupMemory.ts';
import type { SyncAuthorizer } from '../../src/sync/syncRoute.ts';

const openAccess: SyncAuthorizer = async () => ({ allow: { mode: 'read-write' } });

const config = loadConfig();
const log = createLogger(config.logLevel);
const server = await startServer(config, log, { authorize: openAccess });
releaseStartupMemory(); // as main.ts does
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

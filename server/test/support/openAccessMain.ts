import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { startServer, stopOnSignals } from '../../src/server.ts';
import type { SyncAuthorizer } from '../../src/sync/syncRoute.ts';

/**
 * main.ts with every document open for editing: sync tests that crash and
 * restart a real process (SIGKILL, SIGTERM) exercise durability, not accounts.
 */
const openAccess: SyncAuthorizer = async () => ({ allow: { mode: 'read-write' } });

const config = loadConfig();
const log = createLogger(config.logLevel);
const server = await startServer(config, log, { authorize: openAccess });
stopOnSignals(server, log);

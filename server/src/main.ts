import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startServer, stopOnSignals } from './server.ts';
import { releaseStartupMemory } from './startupMemory.ts';

/** Entry point: read config, start, and shut down gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  const server = await startServer(config, log);
  log.info({ url: config.publicUrl }, 'open the app');
  stopOnSignals(server, log);
  releaseStartupMemory();
}

void main();

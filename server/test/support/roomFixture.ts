import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { MetricsRegistry } from '../../src/metrics.ts';
import type { UpdateLogStore } from '../../src/storage/updateLogStore.ts';
import { GroupCommitWriter } from '../../src/sync/groupCommitWriter.ts';
import type { RoomDeps } from '../../src/sync/room.ts';
import { createSyncMetrics } from '../../src/sync/syncMetrics.ts';

/** A Room's dependencies for unit tests: default limits, silent logs, no-op registry callbacks. */
export function roomDeps(store: UpdateLogStore, dataDir: string): RoomDeps {
  return {
    writer: new GroupCommitWriter(store),
    limits: loadConfig({ DATA_DIR: dataDir }).sync,
    metrics: createSyncMetrics(new MetricsRegistry()),
    log: createLogger('silent'),
    onEmpty: () => {},
    onStorageFailure: () => {},
    onCommitted: () => {},
  };
}

import type { BenchConfig } from '../benchConfig.ts';
import { BenchClient } from '../harness/benchClient.ts';
import { type OursLogMetrics, scrapeOursLogMetrics } from '../harness/oursMetrics.ts';
import { quantile, sleep } from '../harness/stats.ts';
import { startBenchServer } from '../servers/benchServer.ts';
import type { ServerKind } from '../servers/serverKinds.ts';

export interface IngestResult {
  /** Updates stored and relayed per second, from the first send to the reader's last receipt. */
  updatesPerSecond: number;
  seconds: number;
  /** Each joining client's time from opening its socket to its sync step 2. */
  joinsMs: number[];
  joinMaxMs: number;
  joinP50Ms: number;
  /** Joins that did not sync within the limit (counted at the limit in `joinsMs`). */
  joinFailures: number;
  oursLog?: OursLogMetrics;
}

/**
 * e. One client replays an editing trace (one update per edit) as fast as the
 * server takes it: at most `window` updates are in flight (sent, not yet
 * relayed to a reader in the same room), so the writer runs exactly as far
 * ahead as the server lets it. Meanwhile, every `joinEveryMs`, a new client
 * opens the document and is timed until it has synced.
 */
export async function runTraceIngest(
  kind: ServerKind,
  updates: readonly Uint8Array[],
  config: BenchConfig['ingest'],
  log: (line: string) => void,
  serverEnv: Record<string, string> = {},
): Promise<IngestResult> {
  const server = await startBenchServer(kind, undefined, serverEnv);
  const clients: BenchClient[] = [];
  try {
    const documentId = 'ingest-trace';
    let received = 0;
    let wake: (() => void) | undefined;
    const reader = await BenchClient.connect(server, documentId, {
      onUpdateFrame: () => {
        received += 1;
        wake?.();
      },
    });
    clients.push(reader);
    const writer = await BenchClient.connect(server, documentId);
    clients.push(writer);

    const joinsMs: number[] = [];
    let joinFailures = 0;
    let replaying = true;
    const joins = (async () => {
      while (replaying) {
        await sleep(config.joinEveryMs);
        if (!replaying) break;
        const started = performance.now();
        try {
          const joiner = await BenchClient.connect(server, documentId, { timeoutMs: config.joinTimeoutMs });
          joinsMs.push(performance.now() - started);
          joiner.close();
        } catch {
          // Not synced within the limit (or refused): counted as the limit, which already fails the goal.
          joinsMs.push(Math.max(config.joinTimeoutMs, performance.now() - started));
          joinFailures += 1;
        }
      }
    })();

    const started = performance.now();
    const deadline = started + config.timeoutMs;
    let sent = 0;
    while (received < updates.length) {
      while (sent < updates.length && sent - received < config.window) writer.sendUpdate(updates[sent++] as Uint8Array);
      if (performance.now() > deadline) {
        throw new Error(`ingest did not finish within ${config.timeoutMs / 1000} s (${received}/${updates.length})`);
      }
      // Woken by the reader's next frame, or after a while to check the deadline.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        wake = () => {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        };
      });
    }
    const seconds = (performance.now() - started) / 1000;
    replaying = false;
    await joins;
    log(
      `  ${updates.length} updates in ${seconds.toFixed(1)} s; ${joinsMs.length} joins timed, ${joinFailures} not synced within ${config.joinTimeoutMs / 1000} s`,
    );
    const oursLog = await scrapeOursLogMetrics(server);
    return {
      updatesPerSecond: updates.length / seconds,
      seconds,
      joinsMs,
      joinMaxMs: joinsMs.length > 0 ? Math.max(...joinsMs) : Number.NaN,
      joinP50Ms: quantile(joinsMs, 0.5),
      joinFailures,
      oursLog,
    };
  } finally {
    for (const client of clients) client.close();
    await server.stop({ hard: process.env.BENCH_GRACEFUL_STOP !== '1' });
  }
}

import type { BenchConfig } from '../benchConfig.ts';
import { BenchClient, connectMany } from '../harness/benchClient.ts';
import { type OursLogMetrics, scrapeOursLogMetrics } from '../harness/oursMetrics.ts';
import { quantile, sleep } from '../harness/stats.ts';
import { TypingWriter } from '../harness/typingWriter.ts';
import { startBenchServer } from '../servers/benchServer.ts';
import type { ServerKind } from '../servers/serverKinds.ts';

export interface FanOutResult {
  p50Ms: number;
  p99Ms: number;
  /** Deliveries expected (updates × readers) that never arrived within the drain time. */
  lost: number;
  /** Our server's group commits and compactions during the run (undefined for peers). */
  oursLog?: OursLogMetrics;
}

/**
 * a. One writer, N readers in one room; the writer types at a fixed rate and
 * every reader records send→receipt latency (same process, same clock). The
 * first `warmupUpdates` are not counted.
 */
export async function runFanOutLatency(
  kind: ServerKind,
  config: BenchConfig['fanOut'],
  log: (line: string) => void,
  serverEnv: Record<string, string> = {},
): Promise<FanOutResult> {
  const server = await startBenchServer(kind, undefined, serverEnv);
  const clients: BenchClient[] = [];
  try {
    const documentId = 'fanout-room';
    const writer = new TypingWriter();
    const total = config.warmupUpdates + config.updates;
    const sentAt = new Float64Array(total);
    const samples = new Float64Array(config.updates * config.readers);
    let received = 0;
    const readers = await connectMany(config.readers, 10, () =>
      BenchClient.connect(server, documentId, {
        onUpdate: (client, clock, at) => {
          // Warm-up updates (JIT, buffers) are relayed but not counted.
          if (client !== writer.clientId || clock < config.warmupUpdates || clock >= total) return;
          if (received < samples.length) samples[received++] = at - (sentAt[clock] as number);
        },
      }),
    );
    clients.push(...readers);
    const writerClient = await BenchClient.connect(server, documentId, { doc: writer.doc });
    clients.push(writerClient);
    log(
      `  ${config.readers} readers + 1 writer connected; sending ${config.warmupUpdates} + ${config.updates} updates`,
    );

    const intervalMs = 1000 / config.ratePerSecond;
    const started = performance.now();
    for (let i = 0; i < total; i++) {
      // Drift-free pacing: each send is due at started + i·interval.
      const wait = started + i * intervalMs - performance.now();
      if (wait > 1) await sleep(wait);
      const { update, clock } = writer.next();
      sentAt[clock] = performance.now();
      writerClient.sendUpdate(update);
    }
    const deadline = performance.now() + config.drainMs;
    while (received < samples.length && performance.now() < deadline) await sleep(20);
    const got = samples.subarray(0, received);
    const oursLog = await scrapeOursLogMetrics(server);
    return { p50Ms: quantile(got, 0.5), p99Ms: quantile(got, 0.99), lost: samples.length - received, oursLog };
  } finally {
    for (const client of clients) client.close();
    // Data is thrown away; a graceful flush would only cost bench time (BENCH_GRACEFUL_STOP=1 lets a --cpu-prof be written).
    await server.stop({ hard: process.env.BENCH_GRACEFUL_STOP !== '1' });
  }
}

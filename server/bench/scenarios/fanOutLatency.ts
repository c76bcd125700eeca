import type { BenchConfig } from '../benchConfig.ts';
import { BenchClient, connectMany } from '../harness/benchClient.ts';
import { type OursLogMetrics, scrapeOursLogMetrics } from '../harness/oursMetrics.ts';
import { quantile, sleep } from '../harness/stats.ts';
import { TypingWriter } from '../harness/typingWriter.ts';
import { type BenchServer, startBenchServer } from '../servers/benchServer.ts';
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
  try {
    const { all } = await measureFanOut([server], config, log);
    return { ...all, oursLog: await scrapeOursLogMetrics(server) };
  } finally {
    // Data is thrown away; a graceful flush would only cost bench time (BENCH_GRACEFUL_STOP=1 lets a --cpu-prof be written).
    await server.stop({ hard: process.env.BENCH_GRACEFUL_STOP !== '1' });
  }
}

/** Latencies of one group of readers. */
export interface LatencySummary {
  p50Ms: number;
  p99Ms: number;
  /** Deliveries expected that never arrived within the drain time. */
  lost: number;
}

/**
 * Scenario a over one or more processes of one installation: the writer on the
 * first, readers spread over all of them in turn. `local` are the readers on
 * the writer's process, `remote` those whose updates crossed Redis (undefined
 * with one process).
 */
export async function measureFanOut(
  servers: readonly BenchServer[],
  config: BenchConfig['fanOut'],
  log: (line: string) => void,
): Promise<{ all: LatencySummary; local: LatencySummary; remote: LatencySummary | undefined }> {
  const clients: BenchClient[] = [];
  try {
    const documentId = 'fanout-room';
    const writer = new TypingWriter();
    const total = config.warmupUpdates + config.updates;
    const sentAt = new Float64Array(total);
    const onServer = (reader: number) => reader % servers.length;
    /** [0]: readers on the writer's process; [1]: readers on the others. */
    const groups = [0, 1].map(() => ({
      samples: new Float64Array(config.updates * config.readers),
      received: 0,
      readers: 0,
    }));
    const readers = await connectMany(config.readers, 10, (index) => {
      const group = groups[onServer(index) === 0 ? 0 : 1] as (typeof groups)[number];
      group.readers += 1;
      return BenchClient.connect(servers[onServer(index)] as BenchServer, documentId, {
        onUpdate: (client, clock, at) => {
          // Warm-up updates (JIT, buffers) are relayed but not counted.
          if (client !== writer.clientId || clock < config.warmupUpdates || clock >= total) return;
          if (group.received < group.samples.length) group.samples[group.received++] = at - (sentAt[clock] as number);
        },
      });
    });
    clients.push(...readers);
    const writerClient = await BenchClient.connect(servers[0] as BenchServer, documentId, { doc: writer.doc });
    clients.push(writerClient);
    log(
      `  ${config.readers} readers on ${servers.length} process(es) + 1 writer connected; sending ${config.warmupUpdates} + ${config.updates} updates`,
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
    const done = () => groups.every((g) => g.received >= g.readers * config.updates);
    const deadline = performance.now() + config.drainMs;
    while (!done() && performance.now() < deadline) await sleep(20);
    const summary = (got: Float64Array, readerCount: number): LatencySummary => ({
      p50Ms: quantile(got, 0.5),
      p99Ms: quantile(got, 0.99),
      lost: readerCount * config.updates - got.length,
    });
    const [local, remote] = groups.map((g) => ({ got: g.samples.subarray(0, g.received), readers: g.readers })) as [
      { got: Float64Array; readers: number },
      { got: Float64Array; readers: number },
    ];
    const all = new Float64Array(local.got.length + remote.got.length);
    all.set(local.got);
    all.set(remote.got, local.got.length);
    return {
      all: summary(all, config.readers),
      local: summary(local.got, local.readers),
      remote: servers.length > 1 ? summary(remote.got, remote.readers) : undefined,
    };
  } finally {
    for (const client of clients) client.close();
  }
}

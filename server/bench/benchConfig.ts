/** Sizes and time budgets of every scenario; BENCH_QUICK=1 shrinks them about 10× for smoke runs. */
export interface BenchConfig {
  quick: boolean;
  fanOut: { readers: number; updates: number; ratePerSecond: number; drainMs: number };
  throughput: { rooms: number; writersPerRoom: number; warmupMs: number; durationMs: number; window: number };
  memory: { documents: number; documentBytes: number; settleMs: number };
  coldLoad: { edits: number | 'all'; appendBatch: number };
}

/** The configuration for this run, read from the environment. */
export function loadBenchConfig(env: Record<string, string | undefined> = process.env): BenchConfig {
  const quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
  if (quick) {
    return {
      quick,
      fanOut: { readers: 50, updates: 200, ratePerSecond: 200, drainMs: 3000 },
      throughput: { rooms: 20, writersPerRoom: 5, warmupMs: 500, durationMs: 2000, window: 2 },
      memory: { documents: 100, documentBytes: 20_000, settleMs: 1500 },
      coldLoad: { edits: 26_000, appendBatch: 10_000 },
    };
  }
  return {
    quick,
    fanOut: { readers: 50, updates: 2000, ratePerSecond: 200, drainMs: 5000 },
    throughput: { rooms: 200, writersPerRoom: 5, warmupMs: 2000, durationMs: 20_000, window: 2 },
    memory: { documents: 1000, documentBytes: 20_000, settleMs: 3000 },
    coldLoad: { edits: 'all', appendBatch: 20_000 },
  };
}

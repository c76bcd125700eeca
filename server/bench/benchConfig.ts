import { SERVER_KINDS, type ServerKind } from './servers/serverKinds.ts';

/** Sizes and time budgets of every scenario; BENCH_QUICK=1 shrinks them about 10× for smoke runs. */
export interface BenchConfig {
  quick: boolean;
  /** Scenario letters to run (BENCH_ONLY=a,c); all by default. */
  scenarios: ReadonlySet<'a' | 'b' | 'c' | 'd' | 'e'>;
  /** Servers to run (BENCH_SERVERS=ours,hocuspocus); all by default. */
  servers: readonly ServerKind[];
  fanOut: { readers: number; warmupUpdates: number; updates: number; ratePerSecond: number; drainMs: number };
  throughput: { rooms: number; writersPerRoom: number; warmupMs: number; durationMs: number; window: number };
  memory: {
    documents: number;
    documentBytes: number;
    settleMs: number;
    /**
     * How long the loaded documents stay idle before RSS is read: longer than our server's
     * SYNC_SLEEP_AFTER_MS sweep needs (10–20 s) so idle rooms are measured as they stay, not as they load.
     */
    idleMs: number;
  };
  coldLoad: { edits: number | 'all'; appendBatch: number; syncTimeoutMs: number; compactTimeoutMs: number };
  /** e. one writer replaying the trace (the same edits as d) with clients joining meanwhile. */
  ingest: { window: number; joinEveryMs: number; joinTimeoutMs: number; timeoutMs: number };
}

/** The configuration for this run, read from the environment. */
export function loadBenchConfig(env: Record<string, string | undefined> = process.env): BenchConfig {
  const quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';
  const scenarios = new Set(
    (env.BENCH_ONLY ?? 'a,b,c,d,e')
      .split(',')
      .filter((s): s is 'a' | 'b' | 'c' | 'd' | 'e' => /^[abcde]$/.test(s.trim())),
  );
  const wanted = env.BENCH_SERVERS?.split(',').map((s) => s.trim());
  const servers = SERVER_KINDS.filter((kind) => !wanted || wanted.includes(kind));
  if (quick) {
    return {
      quick,
      scenarios,
      servers,
      fanOut: { readers: 50, warmupUpdates: 50, updates: 200, ratePerSecond: 200, drainMs: 3000 },
      throughput: { rooms: 20, writersPerRoom: 5, warmupMs: 500, durationMs: 2000, window: 2 },
      memory: { documents: 100, documentBytes: 20_000, settleMs: 1500, idleMs: 1500 },
      coldLoad: { edits: 26_000, appendBatch: 10_000, syncTimeoutMs: 30_000, compactTimeoutMs: 30_000 },
      ingest: { window: 1000, joinEveryMs: 500, joinTimeoutMs: 60_000, timeoutMs: 120_000 },
    };
  }
  return {
    quick,
    scenarios,
    servers,
    fanOut: { readers: 50, warmupUpdates: 200, updates: 2000, ratePerSecond: 200, drainMs: 5000 },
    throughput: { rooms: 200, writersPerRoom: 5, warmupMs: 2000, durationMs: 20_000, window: 8 },
    memory: { documents: 1000, documentBytes: 20_000, settleMs: 3000, idleMs: 25_000 },
    coldLoad: { edits: 'all', appendBatch: 20_000, syncTimeoutMs: 45_000, compactTimeoutMs: 30_000 },
    ingest: { window: 1000, joinEveryMs: 2000, joinTimeoutMs: 60_000, timeoutMs: 300_000 },
  };
}

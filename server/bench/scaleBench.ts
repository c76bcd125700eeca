/**
 * `pnpm bench:scale`: scenarios a (fan-out) and b (throughput) of `pnpm bench`
 * on PostgreSQL, with one process alone, one process publishing to Redis, and
 * two and three processes with Redis between them; clients spread over the
 * processes. Prints a table and writes docs/benchmarks.md's "Scale-out" section.
 * Needs PostgreSQL (TEST_DATABASE_URL) and Redis (BENCH_REDIS_URL, default the
 * local one); each configuration gets a fresh database and its own key prefix.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { writeBenchSection } from '../../e2e/bench/benchReport.ts';
import { createTestDatabase } from '../test/support/postgres.ts';
import { type BenchConfig, loadBenchConfig } from './benchConfig.ts';
import { formatNumber } from './report/format.ts';
import { type LatencySummary, measureFanOut } from './scenarios/fanOutLatency.ts';
import { measureThroughput, type ThroughputResult } from './scenarios/throughput.ts';
import { type BenchServer, startBenchServer } from './servers/benchServer.ts';

const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Setup {
  label: string;
  processes: number;
  redis: boolean;
}

const SETUPS: readonly Setup[] = [
  { label: '1 process, no Redis', processes: 1, redis: false },
  { label: '1 process + Redis', processes: 1, redis: true },
  { label: '2 processes + Redis', processes: 2, redis: true },
  { label: '3 processes + Redis', processes: 3, redis: true },
];

/**
 * Smaller than \`pnpm bench\`'s sizes: with two or three server processes, the
 * harness and PostgreSQL on a shared 2-core machine, the full sizes measured
 * queueing (seconds of latency, the server starved of CPU), not the Redis hop.
 */
function scaleSizes(): Pick<BenchConfig, 'fanOut' | 'throughput' | 'quick'> {
  const base = loadBenchConfig();
  if (base.quick) return base;
  return {
    quick: false,
    fanOut: { readers: 30, warmupUpdates: 100, updates: 1000, ratePerSecond: 50, drainMs: 10_000 },
    throughput: { rooms: 50, writersPerRoom: 5, warmupMs: 2000, durationMs: 10_000, window: 4 },
  };
}

interface Outcome {
  setup: Setup;
  fanOut: { all: LatencySummary; local: LatencySummary; remote: LatencySummary | undefined };
  throughput: ThroughputResult;
}

/** Starts `setup`'s processes one after another (each runs the migrations on start). */
async function startInstallation(setup: Setup, databaseUrl: string): Promise<BenchServer[]> {
  const env: Record<string, string> = { DATABASE_URL: databaseUrl };
  if (setup.redis) Object.assign(env, { REDIS_URL, REDIS_PREFIX: `bench-${randomUUID()}` });
  const servers: BenchServer[] = [];
  try {
    for (let i = 0; i < setup.processes; i++) servers.push(await startBenchServer('ours', undefined, env));
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop({ hard: true })));
    throw error;
  }
  return servers;
}

async function runSetup(setup: Setup, log: (line: string) => void): Promise<Outcome> {
  const config = scaleSizes();
  const outcome: Partial<Outcome> = { setup };
  // A fresh installation per scenario: the fan-out room's log and compactions stay out of b.
  for (const scenario of ['a', 'b'] as const) {
    const database = await createTestDatabase('bench_scale');
    const servers = await startInstallation(setup, database.url);
    try {
      log(`${setup.label}: scenario ${scenario}`);
      if (scenario === 'a') outcome.fanOut = await measureFanOut(servers, config.fanOut, log);
      else outcome.throughput = await measureThroughput(servers, config.throughput, log);
    } finally {
      await Promise.all(servers.map((s) => s.stop({ hard: true })));
      await database.drop();
    }
  }
  return outcome as Outcome;
}

/** Server CPU per update that reached all its room peers, in µs. */
const cpuPerUpdate = (t: ThroughputResult) => ((t.serverCpuPercent / 100) * 1e6) / t.updatesPerSecond;

function table(outcomes: readonly Outcome[]): string {
  const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : `${formatNumber(x)}`);
  const rows = outcomes.map(({ setup, fanOut, throughput }) => {
    const hop = fanOut.remote ? fanOut.remote.p50Ms - fanOut.local.p50Ms : undefined;
    return [
      setup.label,
      `${ms(fanOut.all.p50Ms)} / ${ms(fanOut.all.p99Ms)}`,
      `${ms(fanOut.local.p50Ms)} / ${ms(fanOut.local.p99Ms)}`,
      fanOut.remote ? `${ms(fanOut.remote.p50Ms)} / ${ms(fanOut.remote.p99Ms)}` : '—',
      ms(hop),
      String(fanOut.all.lost),
      formatNumber(throughput.deliveriesPerSecond),
      formatNumber(throughput.updatesPerSecond),
      formatNumber(throughput.serverCpuPercent),
      formatNumber(cpuPerUpdate(throughput)),
    ];
  });
  const header = [
    'setup',
    'a. fan-out p50 / p99, all readers (ms)',
    'a. readers on the writer’s process (ms)',
    'a. readers on other processes (ms)',
    'a. Redis hop at p50 (ms)',
    'a. deliveries missing',
    'b. deliveries/s',
    'b. updates/s to all room peers',
    'b. server CPU (% of a core, all processes)',
    'b. server CPU per update (µs)',
  ];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const config = scaleSizes();
  const started = Date.now();
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ');
  const loadAtStart = load();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  log(`pnpm bench:scale${config.quick ? ' (BENCH_QUICK)' : ''}; load average ${loadAtStart}`);
  const outcomes: Outcome[] = [];
  for (const setup of SETUPS) {
    outcomes.push(await runSetup(setup, log));
    // So far, in case a later setup fails on a loaded machine.
    log(`done: ${setup.label}; load average ${load()}\n${table(outcomes)}`);
  }
  const loadAtEnd = load();
  const result = table(outcomes);
  console.log(`\n${result}\n\nload average at start ${loadAtStart}, at end ${loadAtEnd}`);
  if (config.quick) return; // smoke runs do not replace the committed figures
  const seconds = Math.round((Date.now() - started) / 1000);
  const { fanOut: f, throughput: t } = config;
  writeBenchSection(
    '## Scale-out',
    `Produced by \`pnpm bench:scale\` (server/bench/scaleBench.ts) on ${new Date().toISOString()}: our real server
(\`startServer\`, every document open as in \`pnpm bench\`) on PostgreSQL, in one to three processes with Redis
between them; a fresh database per setup and scenario; clients in the bench process on loopback, spread over the
processes in turn. ${os.availableParallelism()} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}. Load
average ${loadAtStart} at the start and ${loadAtEnd} at the end (the machine was shared with other engineers'
work: the figures are noisy, compare rows of one run). The run took ${seconds} s.

- a. fan-out: 1 writer (on the first process) and ${f.readers} readers in one room, ${f.updates} updates at
  ${f.ratePerSecond}/s after ${f.warmupUpdates} uncounted; latency from send to receipt. Readers on the writer's
  process get each update straight from its room; readers on other processes get it after the writer's process
  committed it to PostgreSQL, published it to Redis, and their process received and applied it. The Redis hop is
  the difference of the two groups' medians in the same run.
- b. throughput: ${t.rooms} rooms × ${t.writersPerRoom} writers, closed loop (at most ${t.window} updates in flight
  per writer), ${t.durationMs / 1000} s measured; each room's writers spread over the processes, so with several
  processes most deliveries cross Redis. Server CPU is summed over the processes (Redis's own CPU is not
  included: it is the machine's shared Redis).

${result}
`,
  );
  log(`figures written to docs/benchmarks.md ("Scale-out") in ${seconds} s`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1); // the 'exit' hook kills any child still running
  },
);

import { appendFileSync } from 'node:fs';
import type { BenchServer } from '../servers/benchServer.ts';

/** What our server's /metrics says about its update log, for the diagnosis. */
export interface OursLogMetrics {
  commits: number;
  meanCommitMs: number;
  compactions: number;
  /** Upper bound of the histogram bucket holding the 99th percentile commit (ms). */
  p99CommitMs: number;
  /** The server's own event-loop delay (prom-client's monitorEventLoopDelay), p99 and max (ms). */
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
}

/** The bucket bound (ms) under which `q` of a Prometheus histogram's observations fall. */
function bucketQuantileMs(text: string, name: string, q: number): number {
  const buckets = [...text.matchAll(new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} ([0-9.eE+-]+)$`, 'gm'))].map((m) => ({
    le: Number(m[1]),
    count: Number(m[2]),
  }));
  const total = buckets.at(-1)?.count ?? 0;
  const bucket = buckets.find((b) => b.count >= q * total);
  return bucket ? bucket.le * 1000 : Number.NaN;
}

/** Scrapes our server's Prometheus endpoint; undefined for peers or on failure. */
export async function scrapeOursLogMetrics(server: BenchServer): Promise<OursLogMetrics | undefined> {
  if (server.kind !== 'ours') return undefined;
  try {
    const res = await fetch(`http://127.0.0.1:${server.port}/metrics`, { signal: AbortSignal.timeout(5000) });
    const text = await res.text();
    // For a diagnosis: the whole scrape (commit histogram, event-loop lag, GC) into a file.
    if (process.env.BENCH_METRICS_DUMP) appendFileSync(process.env.BENCH_METRICS_DUMP, `${text}\n`);
    const read = (name: string) => {
      const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(text);
      return match ? Number(match[1]) : Number.NaN;
    };
    const commits = read('samverka_update_log_append_seconds_count');
    const seconds = read('samverka_update_log_append_seconds_sum');
    return {
      commits,
      meanCommitMs: (seconds / commits) * 1000,
      compactions: read('samverka_compactions_total'),
      p99CommitMs: bucketQuantileMs(text, 'samverka_update_log_append_seconds', 0.99),
      eventLoopDelayP99Ms: read('nodejs_eventloop_lag_p99_seconds') * 1000,
      eventLoopDelayMaxMs: read('nodejs_eventloop_lag_max_seconds') * 1000,
    };
  } catch {
    return undefined;
  }
}

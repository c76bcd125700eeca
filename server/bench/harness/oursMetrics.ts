import { appendFileSync } from 'node:fs';
import type { BenchServer } from '../servers/benchServer.ts';

/** What our server's /metrics says about its update log, for the diagnosis. */
export interface OursLogMetrics {
  commits: number;
  meanCommitMs: number;
  compactions: number;
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
    return { commits, meanCommitMs: (seconds / commits) * 1000, compactions: read('samverka_compactions_total') };
  } catch {
    return undefined;
  }
}

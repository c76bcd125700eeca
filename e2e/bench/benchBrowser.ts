import os from 'node:os';
import { type Browser, chromium, type Page } from '@playwright/test';
import { ServerProcess } from '../../server/test/support/serverProcess.ts';
import {
  createPartnership,
  signUp,
  type TestAccount,
  type TestPartnership,
} from '../../server/test/support/testAccounts.ts';

/** Chromium flags for quiet, repeatable benchmark runs. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Headless Chromium as the benchmarks use it (`CHROMIUM_PATH` overrides the binary). */
export function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A fresh context (no cache, no IndexedDB) signed in as `account`, at 1280×800. */
export async function personPage(browser: Browser, account: TestAccount): Promise<Page> {
  const context = await browser.newContext({ baseURL: account.origin, viewport: { width: 1280, height: 800 } });
  const [name, value] = account.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: account.origin }]);
  return context.newPage();
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** The p-th percentile of an ascending list (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

/** Machine facts for a report line: cores, CPU model, Node, load average. */
export function machineLine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`;
}

/** A latency sample's summary: count, p50, p95 and max (ms). */
export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarizeLatencies(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** What every browser bench starts from: the real server, Chromium, and an owner with a partnership. */
export interface BenchRun {
  started: number;
  server: ServerProcess;
  browser: Browser;
  owner: TestAccount;
  partnership: TestPartnership;
  close(): Promise<void>;
}

export async function startBenchRun(): Promise<BenchRun> {
  const started = Date.now();
  const server = await ServerProcess.start({ RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_ACCOUNT: '1000' });
  const browser = await launchBenchBrowser();
  const close = async () => {
    await browser.close();
    await server.stop();
  };
  try {
    const owner = await signUp(server.origin, 'Anna Lind');
    const partnership = await createPartnership(owner);
    return { started, server, browser, owner, partnership, close };
  } catch (error) {
    await close();
    throw error;
  }
}

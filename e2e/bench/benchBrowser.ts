import os from 'node:os';
import { type Browser, chromium, type Page } from '@playwright/test';
import type { TestAccount } from '../../server/test/support/testAccounts.ts';

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

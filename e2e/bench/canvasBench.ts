/**
 * pnpm bench:canvas — a 2,000-shape board in headless Chromium against the real
 * server: document size, navigation → interactive canvas, and drag latency from
 * one browser to another (p50/p95 over a continuous drag). Prints the figures
 * and writes them to docs/benchmarks.md under "Canvas".
 */
import os from 'node:os';
import { type Browser, chromium, type Page } from '@playwright/test';
import { ServerProcess } from '../../server/test/support/serverProcess.ts';
import {
  addMember,
  apiCall,
  createPartnership,
  signUp,
  type TestAccount,
} from '../../server/test/support/testAccounts.ts';
import { seedBoard } from './benchBoard.ts';
import { writeCanvasReport } from './canvasReport.ts';
import { measureDragLatency } from './dragLatency.ts';
import { recordUpdateFrames } from './updateBytes.ts';

const SHAPES = 2_000;
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 3);
const DRAG_STEPS = 200;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

async function personPage(browser: Browser, account: TestAccount): Promise<Page> {
  const context = await browser.newContext({ baseURL: account.origin, viewport: { width: 1280, height: 800 } });
  const [name, value] = account.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: account.origin }]);
  return context.newPage();
}

/** Milliseconds from navigation until the board's shapes are drawn and the page is connected. */
async function timeToInteractive(page: Page, path: string): Promise<number> {
  const start = Date.now();
  await page.goto(path);
  await page.locator('.tl-shape[data-shape-type="geo"]').first().waitFor({ timeout: 180_000 });
  await page.locator('output.connection[data-state="connected"]').waitFor({ timeout: 180_000 });
  return Date.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function main() {
  const started = Date.now();
  const server = await ServerProcess.start({ RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_ACCOUNT: '1000' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const owner = await signUp(server.origin, 'Anna Lind');
    const partnership = await createPartnership(owner);
    const created = await apiCall<{ document: { id: string } }>(
      owner,
      'POST',
      `/api/partnerships/${partnership.id}/documents`,
      { kind: 'canvas', title: 'Benchmark board' },
    );
    const documentId = created.body.document.id;
    const partner = await addMember(owner, partnership.id, 'editor');
    const path = `/p/${partnership.id}/canvas/${documentId}`;

    const documentBytes = await seedBoard(owner, documentId, SHAPES);
    console.log(`board: ${SHAPES} shapes, document ${(documentBytes / 1024).toFixed(0)} KiB`);

    // Each load in a fresh context: no IndexedDB copy, no HTTP cache.
    const loads: number[] = [];
    for (let run = 0; run < LOAD_RUNS; run += 1) {
      const page = await personPage(browser, owner);
      loads.push(await timeToInteractive(page, path));
      await page.context().close();
    }
    console.log(`navigation → interactive: ${loads.join(', ')} ms (median ${median(loads)})`);

    const anna = await personPage(browser, owner);
    const erik = await personPage(browser, partner);
    const annasUpdates = recordUpdateFrames(anna);
    await timeToInteractive(anna, path);
    await timeToInteractive(erik, path);
    annasUpdates.start();
    const drag = await measureDragLatency(anna, erik, 'shape:bench-0', DRAG_STEPS);
    const dragUpdates = annasUpdates.stop();
    console.log(
      `drag updates sent: ${dragUpdates.frames} frames, ${dragUpdates.bytes} bytes (${(dragUpdates.bytes / Math.max(1, dragUpdates.frames)).toFixed(1)} bytes per frame)`,
    );
    console.log(
      `drag latency (${drag.samples} positions): p50 ${drag.p50.toFixed(1)} ms, p95 ${drag.p95.toFixed(1)} ms, max ${drag.max.toFixed(1)} ms`,
    );

    const totalSeconds = Math.round((Date.now() - started) / 1000);
    writeCanvasReport({
      shapes: SHAPES,
      documentBytes,
      loads,
      loadMedian: median(loads),
      drag,
      dragUpdates,
      dragSteps: DRAG_STEPS,
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
      totalSeconds,
    });
    console.log(`done in ${totalSeconds} s; figures appended to docs/benchmarks.md ("Canvas")`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();

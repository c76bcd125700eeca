/**
 * pnpm bench:canvas — a 2,000-shape board in headless Chromium against the real
 * server: document size, navigation → interactive canvas, and drag latency from
 * one browser to another (p50/p95 over a continuous drag). Prints the figures
 * and writes them to docs/benchmarks.md under "Canvas".
 */
import os from 'node:os';
import type { Page } from '@playwright/test';
import { addMember, apiCall } from '../../server/test/support/testAccounts.ts';
import { seedBoard } from './benchBoard.ts';
import { median, personPage, startBenchRun } from './benchBrowser.ts';
import { writeCanvasReport } from './canvasReport.ts';
import { measureDragLatency } from './dragLatency.ts';
import { recordUpdateFrames } from './updateBytes.ts';

const SHAPES = 2_000;
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 3);
const DRAG_STEPS = 200;
/**
 * Waits until the page's main thread has had idle time, twice: a board that has just
 * become interactive is still storing its copy in IndexedDB and settling tldraw's
 * first renders, and a drag started then measured that, not the drag.
 */
async function settled(page: Page): Promise<void> {
  for (let i = 0; i < 2; i += 1) {
    await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5000 })));
  }
}

/** Milliseconds from navigation until the board's shapes are drawn and the page is connected. */
async function timeToInteractive(page: Page, path: string): Promise<number> {
  const start = Date.now();
  await page.goto(path);
  await page.locator('.tl-shape[data-shape-type="geo"]').first().waitFor({ timeout: 180_000 });
  await page.locator('output.connection[data-state="connected"]').waitFor({ timeout: 180_000 });
  return Date.now() - start;
}

async function main() {
  const { started, browser, owner, partnership, close } = await startBenchRun();
  try {
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
    await settled(anna);
    await settled(erik);
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
    await close();
  }
}

await main();

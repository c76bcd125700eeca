import type { Page } from '@playwright/test';
import { summarizeLatencies } from './benchBrowser.ts';

interface Sample {
  t: number;
  value: string;
}

/** Starts recording (wall-clock time, transform) each time the shape's element is restyled. */
async function watchTransforms(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const element = document.querySelector<HTMLElement>(sel);
    if (!element) throw new Error(`no ${sel}`);
    const samples: { t: number; value: string }[] = [];
    (window as unknown as { __transforms: typeof samples }).__transforms = samples;
    new MutationObserver(() => {
      samples.push({ t: performance.timeOrigin + performance.now(), value: element.style.transform });
    }).observe(element, { attributes: true, attributeFilter: ['style'] });
  }, selector);
}

/** Starts recording the time of every pointer move the page receives. */
async function watchPointer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const moves: number[] = [];
    (window as unknown as { __moves: number[] }).__moves = moves;
    window.addEventListener('pointermove', () => moves.push(performance.timeOrigin + performance.now()), {
      capture: true,
    });
  });
}

export interface DragLatency {
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * Drags the shape continuously in `dragger` and measures, for every position
 * `watcher` renders, the time since the pointer move that produced it in the
 * dragger (matched through the position the dragger itself rendered).
 */
export async function measureDragLatency(
  dragger: Page,
  watcher: Page,
  shapeId: string,
  steps: number,
): Promise<DragLatency> {
  const selector = `[data-shape-id="${shapeId}"]`;
  await watchTransforms(dragger, selector);
  await watchTransforms(watcher, selector);
  await watchPointer(dragger);

  const box = await dragger.locator(selector).boundingBox();
  if (!box) throw new Error('shape not visible');
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await dragger.mouse.move(start.x, start.y);
  await dragger.mouse.down();
  for (let i = 1; i <= steps; i += 1) await dragger.mouse.move(start.x + i * 2, start.y + Math.round(i / 2));
  await dragger.mouse.up();
  await watcher.waitForTimeout(1000);

  const read = (page: Page) => page.evaluate(() => (window as unknown as { __transforms: Sample[] }).__transforms);
  const local = await read(dragger);
  const remote = await read(watcher);
  const moves = await dragger.evaluate(() => (window as unknown as { __moves: number[] }).__moves);

  const firstLocal = new Map<string, number>();
  for (const s of local) if (!firstLocal.has(s.value)) firstLocal.set(s.value, s.t);
  const latencies: number[] = [];
  for (const s of remote) {
    const renderedLocally = firstLocal.get(s.value);
    if (renderedLocally === undefined) continue;
    // The last pointer move before the dragger rendered this position caused it.
    let cause: number | undefined;
    for (const m of moves) if (m <= renderedLocally) cause = m;
    if (cause !== undefined) latencies.push(s.t - cause);
  }
  return summarizeLatencies(latencies);
}

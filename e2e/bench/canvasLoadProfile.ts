/**
 * One profiled canvas load (issue 14): seeds the 2,000-shape board of `pnpm bench:canvas`,
 * opens it once in a fresh context with Chromium's CPU profiler running, and prints where
 * the time from navigation to the interactive canvas went: every request (start → end, from
 * the page's Resource Timing), the page's `samverka:` performance marks, and its JavaScript
 * by function (self and inclusive), bucketed over time. Build first (`pnpm build`; for
 * readable names, `npx vite build --minify false` in client/).
 * `node --import tsx e2e/bench/canvasLoadProfile.ts [profile.cpuprofile]`
 */
import fs from 'node:fs';
import { apiCall } from '../../server/test/support/testAccounts.ts';
import { seedBoard } from './benchBoard.ts';
import { machineLine, personPage, startBenchRun } from './benchBrowser.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const BUCKET_MS = 100;

function label(node: ProfileNode): string {
  const file = node.callFrame.url.split('/').pop() || '(native)';
  return `${node.callFrame.functionName || '(anonymous)'} ${file}:${node.callFrame.lineNumber + 1}`;
}

/** Each sample's time (µs, profile clock), leaf node and the chain of its callers. */
function samples(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out: { t: number; dt: number; stack: ProfileNode[] }[] = [];
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node) stack.push(node);
    }
    out.push({ t, dt: (profile.timeDeltas[i + 1] ?? 0) / 1000, stack });
  });
  return out;
}

function top(map: Map<string, number>, n: number): [string, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
}

function summarize(profile: CpuProfile, navigationStartMicros: number): void {
  const all = samples(profile);
  const sinceNavigation = (t: number) => (t - navigationStartMicros) / 1000;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const buckets = new Map<number, Map<string, number>>();
  for (const s of all) {
    const leaf = s.stack[0];
    if (!leaf || leaf.callFrame.functionName === '(idle)' || sinceNavigation(s.t) < 0) continue;
    const name = label(leaf);
    self.set(name, (self.get(name) ?? 0) + s.dt);
    for (const fn of new Set(s.stack.map(label))) inclusive.set(fn, (inclusive.get(fn) ?? 0) + s.dt);
    const bucket = Math.floor(sinceNavigation(s.t) / BUCKET_MS) * BUCKET_MS;
    const inBucket = buckets.get(bucket) ?? new Map<string, number>();
    // Name a bucket by the outermost function of our own or tldraw's below React's scheduler.
    const named = s.stack.filter((n) => n.callFrame.url.includes('/assets/')).at(-4) ?? leaf;
    inBucket.set(label(named), (inBucket.get(label(named)) ?? 0) + s.dt);
    buckets.set(bucket, inBucket);
  }
  console.log('\nself time by function (ms):');
  for (const [name, ms] of top(self, 35)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${name}`);
  console.log('\ninclusive time by function (ms):');
  for (const [name, ms] of top(inclusive, 80)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${name}`);
  console.log(`\nbusy time per ${BUCKET_MS} ms since navigation:`);
  for (const [bucket, names] of [...buckets.entries()].sort((a, b) => a[0] - b[0])) {
    const total = [...names.values()].reduce((a, b) => a + b, 0);
    const heads = top(names, 3)
      .map(([n, ms]) => `${n} ${ms.toFixed(0)}`)
      .join('; ');
    console.log(`  ${String(bucket).padStart(5)} ms: ${total.toFixed(0).padStart(3)} ms busy  ${heads}`);
  }
}

async function main() {
  const out = process.argv[2];
  const { browser, owner, partnership, close } = await startBenchRun();
  try {
    const created = await apiCall<{ document: { id: string } }>(
      owner,
      'POST',
      `/api/partnerships/${partnership.id}/documents`,
      { kind: 'canvas', title: 'Profiled board' },
    );
    const documentId = created.body.document.id;
    await seedBoard(owner, documentId, 2_000);
    console.log(machineLine());

    const page = await personPage(browser, owner);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    // A named busy loop the profile can be aligned on: its wall-clock time is known.
    await page.goto(`/p/${partnership.id}/canvas/${documentId}`);
    await page.locator('.tl-shape[data-shape-type="geo"]').first().waitFor({ timeout: 180_000 });
    const shapesAt = await page.evaluate(() => performance.now());
    await page.locator('output.connection[data-state="connected"]').waitFor({ timeout: 180_000 });
    const connectedAt = await page.evaluate(() => performance.now());
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    // The profile's clock is Chromium's monotonic one, in µs; so is NavigationStart (in s).
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const navigationStart = metrics.find((m) => m.name === 'NavigationStart')?.value ?? 0;
    if (out) fs.writeFileSync(out, JSON.stringify(profile));
    const timing = await page.evaluate(() => ({
      origin: performance.timeOrigin,
      entries: performance
        .getEntries()
        .filter((e) => e.entryType === 'resource' || e.entryType === 'mark' || e.entryType === 'navigation')
        .map((e) => ({
          name: e.name.replace(location.origin, ''),
          type: e.entryType,
          start: e.startTime,
          end: e.startTime + e.duration,
          bytes: (e as PerformanceResourceTiming).transferSize ?? 0,
        })),
    }));
    const lines: [number, string][] = timing.entries.map((e) =>
      e.type === 'mark'
        ? [e.start, `mark ${e.name}`]
        : [e.start, `${e.name.slice(0, 70)} → ${e.end.toFixed(0)} ms (${(e.bytes / 1024).toFixed(0)} KiB)`],
    );
    lines.push([shapesAt, 'test saw the first geo shape'], [connectedAt, 'test saw "connected": interactive']);
    for (const [ms, what] of lines.sort((a, b) => a[0] - b[0])) console.log(`${ms.toFixed(0).padStart(6)} ms  ${what}`);
    summarize(profile, navigationStart * 1e6);
  } finally {
    await close();
  }
}

await main();

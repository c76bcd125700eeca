/**
 * pnpm bench:docs — a text document built by replaying the seph-blog1 editing
 * trace into the editor's fragment, in headless Chromium against the real
 * server: navigation → editable, and keystroke latency from one browser to
 * another (p50/p95). Prints the figures and writes docs/benchmarks.md "Text documents".
 */
import type { Page } from '@playwright/test';
import { seedTraceDocument } from '../../server/bench/trace/traceDocument.ts';
import { addMember, createTextDocument } from '../../server/test/support/testAccounts.ts';
import { machineLine, median, personPage, startBenchRun, summarizeLatencies } from './benchBrowser.ts';
import { writeBenchSection } from './benchReport.ts';

const TRACE = '/work/shared/data/editing-traces/seph-blog1.json.gz';
const LOAD_RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 3);
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 60);

/** Milliseconds from navigation until the editor is editable and holds the whole text. */
async function timeToEditable(page: Page, path: string, chars: number): Promise<number> {
  const start = Date.now();
  await page.goto(path);
  await page.waitForFunction(
    (length) => {
      const editor = document.querySelector('.ProseMirror[contenteditable="true"]');
      return editor !== null && (editor.textContent?.length ?? 0) >= length;
    },
    chars,
    { timeout: 120_000, polling: 20 },
  );
  return Date.now() - start;
}

/** Records in `watcher` when the first paragraph's head changes; keystrokes in `typist` are timed at keydown. */
async function measureKeystrokes(typist: Page, watcher: Page, count: number) {
  await watcher.evaluate(() => {
    const paragraph = document.querySelector('.ProseMirror p') as HTMLElement;
    const seen: { t: number; head: string }[] = [];
    (window as unknown as { __heads: typeof seen }).__heads = seen;
    let last = paragraph.textContent?.slice(0, 80) ?? '';
    new MutationObserver(() => {
      const head = (document.querySelector('.ProseMirror p') as HTMLElement).textContent?.slice(0, 80) ?? '';
      if (head !== last) seen.push({ t: performance.timeOrigin + performance.now(), head });
      last = head;
    }).observe(document.querySelector('.ProseMirror') as HTMLElement, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  await typist.evaluate(() => {
    const downs: number[] = [];
    (window as unknown as { __downs: number[] }).__downs = downs;
    window.addEventListener('keydown', () => downs.push(performance.timeOrigin + performance.now()), { capture: true });
  });
  await typist.locator('.ProseMirror').click();
  await typist.keyboard.press('Control+Home');
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  let typed = '';
  for (let i = 0; i < count; i += 1) {
    const key = alphabet[i % alphabet.length] as string;
    await typist.keyboard.press(key);
    typed += key;
    const prefix = typed.slice(-40);
    // One keystroke at a time: the next goes only once the watcher has shown this one.
    await watcher.waitForFunction(
      (expected) =>
        (window as unknown as { __heads: { head: string }[] }).__heads.some((h) => h.head.startsWith(expected)),
      typed.length <= 80 ? typed : prefix,
      { polling: 10, timeout: 30_000 },
    );
  }
  const downs = await typist.evaluate(() => (window as unknown as { __downs: number[] }).__downs);
  const heads = await watcher.evaluate(() => (window as unknown as { __heads: { t: number; head: string }[] }).__heads);
  const latencies: number[] = [];
  for (let n = 1; n <= count && n <= 80; n += 1) {
    const expected = typed.slice(0, n);
    const shown = heads.find((h) => h.head.startsWith(expected));
    const down = downs[n - 1];
    if (shown && down !== undefined) latencies.push(shown.t - down);
  }
  return summarizeLatencies(latencies);
}

async function main() {
  const { started, browser, owner, partnership, close } = await startBenchRun();
  try {
    const documentId = await createTextDocument(owner, partnership.id, 'seph-blog1');
    const partner = await addMember(owner, partnership.id, 'editor');
    const path = `/p/${partnership.id}/docs/${documentId}`;
    const seeded = await seedTraceDocument(owner.origin, owner.cookie, documentId, TRACE);
    console.log(`document: ${seeded.chars} characters, ${(seeded.bytes / 1024).toFixed(0)} KiB encoded`);

    const loads: number[] = [];
    for (let run = 0; run < LOAD_RUNS; run += 1) {
      const page = await personPage(browser, owner);
      loads.push(await timeToEditable(page, path, seeded.chars));
      await page.context().close();
    }
    console.log(`navigation → editable: ${loads.join(', ')} ms (median ${median(loads)})`);

    const anna = await personPage(browser, owner);
    const erik = await personPage(browser, partner);
    await timeToEditable(anna, path, seeded.chars);
    await timeToEditable(erik, path, seeded.chars);
    const keys = await measureKeystrokes(anna, erik, KEYSTROKES);
    console.log(
      `keystroke → other browser (${keys.samples}): p50 ${keys.p50.toFixed(1)} ms, p95 ${keys.p95.toFixed(1)} ms`,
    );

    const totalSeconds = Math.round((Date.now() - started) / 1000);
    writeBenchSection(
      '## Text documents',
      `Produced by \`pnpm bench:docs\` (e2e/bench/docsBench.ts) on ${new Date().toISOString()}: the production
build and the real server (SQLite), headless Chromium at 1280×800, two signed-up members. The document
is the seph-blog1 trace (${seeded.chars} characters, every edit replayed) in one paragraph of the
editor's fragment, ${(seeded.bytes / 1024).toFixed(0)} KiB encoded. ${machineLine()}. The run took ${totalSeconds} s.

| measure | value | target |
|---|---|---|
| navigation → editable (fresh context: no cache, no IndexedDB; whole text shown, contenteditable) | median ${median(loads)} ms (runs: ${loads.join(', ')} ms) | ≤ 1500 ms |
| keystroke in A → shown in B (${keys.samples} keystrokes, one at a time) | p50 ${keys.p50.toFixed(1)} ms, p95 ${keys.p95.toFixed(1)} ms, max ${keys.max.toFixed(1)} ms | p95 ≤ 80 ms |

Latency runs from A's keydown to B's DOM change (same clock); both browsers and the server share the
machine's cores, so it includes scheduling between them and the server's group commit.
`,
    );
    console.log(`done in ${totalSeconds} s; figures written to docs/benchmarks.md ("Text documents")`);
  } finally {
    await close();
  }
}

await main();

/**
 * Canvas open time of two client builds side by side (issue 14): one real server per build
 * (CLIENT_DIST_DIR), the same 2,000-shape board seeded in each, and loads alternated A, B,
 * A, B… in fresh contexts of one Chromium, so both see the same machine load. Prints each
 * load and the medians. `node --import tsx e2e/bench/canvasLoadCompare.ts <distA> <distB> [loads]`
 */
import type { Browser, Page } from '@playwright/test';
import { ServerProcess } from '../../server/test/support/serverProcess.ts';
import { apiCall, createPartnership, signUp, type TestAccount } from '../../server/test/support/testAccounts.ts';
import { seedBoard } from './benchBoard.ts';
import { launchBenchBrowser, machineLine, median, personPage } from './benchBrowser.ts';

interface Variant {
  name: string;
  server: ServerProcess;
  owner: TestAccount;
  path: string;
  loads: number[];
}

async function variant(name: string, dist: string): Promise<Variant> {
  const server = await ServerProcess.start({
    CLIENT_DIST_DIR: dist,
    RATE_LIMIT_PER_IP: '100000',
    RATE_LIMIT_PER_ACCOUNT: '1000',
  });
  const owner = await signUp(server.origin, 'Anna Lind');
  const partnership = await createPartnership(owner);
  const created = await apiCall<{ document: { id: string } }>(
    owner,
    'POST',
    `/api/partnerships/${partnership.id}/documents`,
    { kind: 'canvas', title: 'Compared board' },
  );
  const documentId = created.body.document.id;
  await seedBoard(owner, documentId, 2_000);
  return { name, server, owner, path: `/p/${partnership.id}/canvas/${documentId}`, loads: [] };
}

/** The same marker as `pnpm bench:canvas`: shapes drawn and the page connected. */
async function timeToInteractive(page: Page, path: string): Promise<number> {
  const start = Date.now();
  await page.goto(path);
  await page.locator('.tl-shape[data-shape-type="geo"]').first().waitFor({ timeout: 180_000 });
  await page.locator('output.connection[data-state="connected"]').waitFor({ timeout: 180_000 });
  return Date.now() - start;
}

async function main() {
  const [distA, distB, runs = '5'] = process.argv.slice(2);
  if (!distA || !distB) throw new Error('usage: canvasLoadCompare.ts <distA> <distB> [loads]');
  const variants = [await variant('A', distA), await variant('B', distB)];
  let browser: Browser | undefined;
  try {
    browser = await launchBenchBrowser();
    console.log(`${machineLine()} (start)`);
    for (let run = 0; run < Number(runs); run += 1) {
      for (const v of run % 2 === 0 ? variants : [...variants].reverse()) {
        const page = await personPage(browser, v.owner);
        v.loads.push(await timeToInteractive(page, v.path));
        await page.context().close();
      }
    }
    console.log(`${machineLine()} (end)`);
    for (const v of variants) {
      console.log(`${v.name}: median ${median(v.loads)} ms (runs: ${v.loads.join(', ')} ms)`);
    }
  } finally {
    await browser?.close();
    for (const v of variants) await v.server.stop();
  }
}

await main();

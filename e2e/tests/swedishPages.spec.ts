import path from 'node:path';
import type { Page } from '@playwright/test';
import { createPartnershipViaApi } from '../support/accounts.ts';
import { expect, test } from '../support/fixtures.ts';
import { importCsv, takeSnapshot } from '../support/snapshots.ts';

/*
 * The newer pages in Swedish, at desktop and phone width. Each area's text arrives with its page's
 * code (client/src/i18n/areas.ts): a page showing text its route did not load logs a console error,
 * which fails the test (fixtures.ts), as does a page wider than the window. The pictures go to
 * docs/screenshots/*-sv.png for a person to read.
 */

const outDir = path.resolve(import.meta.dirname, '../../docs/screenshots');
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

async function shoot(page: Page, name: string, url: string, ready: (page: Page) => Promise<void>) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.goto(url);
    await ready(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await page.evaluate(() => document.fonts.ready);
    // The elements that reach past the window's right edge, outside any box that scrolls or clips
    // them (a wide table scrolls in its own box), innermost first: what makes the page scroll sideways.
    const tooWide = await page.evaluate(() => {
      const clipped = (element: Element) => {
        for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
          if (getComputedStyle(box).overflowX !== 'visible') return true;
        }
        return false;
      };
      const label = (element: Element, text: string) =>
        `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')} "${text.slice(0, 40)}"`;
      const wide = Array.from(document.body.querySelectorAll('*'))
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(element))
        .map((element) => label(element, element.textContent ?? ''));
      // A long word can run out of a box that itself fits.
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        const parent = node.parentElement;
        if (parent && range.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(parent)) {
          wide.push(label(parent, node.textContent ?? ''));
        }
      }
      return wide.reverse();
    });
    expect(tooWide, `${name} at ${size.width} px: wider than the window`).toEqual([]);
    // An absolutely placed element can escape a scrolling box all the same: the page's width tells.
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways, `${name} at ${size.width} px scrolls sideways`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(outDir, `${name}-${size.width}-sv.png`) });
  }
}

async function chooseSwedish(page: Page) {
  await page.getByLabel('Language').selectOption('sv');
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
}

test('sign-in, overview, register and snapshot in Swedish: translated, loaded with their pages, nothing wider than a phone', async ({
  newPerson,
  server,
}) => {
  test.setTimeout(180_000);
  const origin = server.origin;
  const anna = await newPerson('Anna Lind');
  const visitor = await newPerson('Visitor', { signedUp: false });
  // A Swedish partnership: its documents' titles and the board's template are Swedish too.
  const { id } = await createPartnershipViaApi(anna, origin, {
    language: 'sv',
    name: 'Linnéuniversitetet × Nordic Timber AB',
    partnerName: 'Nordic Timber AB',
    startDate: '2025-09-01',
    termYears: 6,
    phase: 'active',
  });
  await importCsv(anna, origin, id, 'goals', [
    'id,title,status,due',
    ',En gemensam forskarskola i träbyggande,on-track,2027-06-30',
    ',Tjugo examensarbeten om året hos Nordic Timber,at-risk,2026-12-31',
  ]);
  await importCsv(anna, origin, id, 'risks', [
    'id,title,category,likelihood,impact,status',
    ',Nyckelpersonen hos Nordic Timber slutar,dependency,3,5,open',
    ',Forskningsansökan beviljas inte,strategic,4,3,monitoring',
  ]);
  const snapshotId = await takeSnapshot(anna, id, 'Styrgruppen mars');

  // Switching on the overview loads the Swedish text of every area already in use on that page.
  await chooseSwedish(anna);
  await expect(anna.getByRole('region', { name: 'Senaste händelser' })).toBeVisible();

  await visitor.goto('/login');
  await chooseSwedish(visitor);
  await shoot(visitor, 'login', '/login', async (page) => {
    await expect(page.getByRole('heading', { name: 'Logga in i Samverka', level: 1 })).toBeVisible();
  });
  await shoot(anna, 'partnership-home', `/p/${id}`, async (page) => {
    await expect(page.getByRole('region', { name: 'Senaste händelser' }).getByRole('listitem').first()).toBeVisible();
  });
  await shoot(anna, 'goals', `/p/${id}/goals`, async (page) => {
    await expect(page.getByText('Ansluten')).toBeVisible();
    await expect(page.getByTestId('goal-card')).toHaveCount(2);
  });
  await shoot(anna, 'snapshot', `/p/${id}/snapshots/${snapshotId}`, async (page) => {
    await expect(page.getByTestId('snapshot-banner')).toContainText('Ögonblicksbild "Styrgruppen mars"');
    await expect(page.getByTestId('snapshot-goals')).toContainText('En gemensam forskarskola i träbyggande');
  });
});

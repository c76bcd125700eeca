import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { newTemplateBoard, shareBoard } from '../support/boards.ts';
import { expect, test } from '../support/fixtures.ts';

/* Issue 16, rough edges 3 (template sections locked) and 4 (overflowing text stays visible). */

const FRAMES = '.tl-shape[data-shape-type="frame"]';
const LAST_SECTION = '[data-shape-id="shape:section-lifecycle-exit"]';

async function openBoard(page: Page, board: string) {
  await page.goto(board);
  await expect(page.locator('output.connection')).toHaveAttribute('data-state', 'connected', { timeout: 60_000 });
  await expect(page.locator(FRAMES)).toHaveCount(12, { timeout: 60_000 });
}

async function clickSectionHeading(page: Page, title: string) {
  const heading = await page.locator('.tl-frame-heading', { hasText: title }).boundingBox();
  if (!heading) throw new Error(`no heading ${title}`);
  await page.mouse.click(heading.x + 10, heading.y + heading.height / 2);
}

test('an editor cannot delete a template section with one key; an owner can', async ({ newPerson, server }) => {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const board = await newTemplateBoard(anna, server.origin);
  await shareBoard(anna, server.origin, board, erik, 'editor');
  await openBoard(erik, board);

  await clickSectionHeading(erik, 'Joint objectives');
  await erik.keyboard.press('Delete');
  await erik.keyboard.press('ControlOrMeta+a');
  await erik.keyboard.press('Delete');
  await erik.keyboard.press('Backspace');
  await expect(erik.locator(FRAMES)).toHaveCount(12);
  await expect(erik.getByText('What do we achieve together that neither of us can achieve alone?')).toBeVisible();

  // The owner is not locked out of the template.
  await openBoard(anna, board);
  await clickSectionHeading(anna, 'Joint objectives');
  await anna.keyboard.press('Delete');
  await expect(anna.locator(FRAMES)).toHaveCount(11);
  await expect(erik.locator(FRAMES)).toHaveCount(11);
});

/** The pixel size of a PNG file, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function exportPng(page: Page): Promise<{ width: number; height: number }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  return pngSize(await readFile(await download.path()));
}

test('text running past a section’s edge stays visible and is exported in full', async ({ newPerson, server }) => {
  const anna = await newPerson('Anna Lind');
  const board = await newTemplateBoard(anna, server.origin);
  await openBoard(anna, board);
  const before = await exportPng(anna);

  // A text shape near the bottom of the last section, longer than the room left in it.
  const section = await anna.locator(LAST_SECTION).boundingBox();
  if (!section) throw new Error('no last section');
  await anna.keyboard.press('t');
  await anna.mouse.click(section.x + section.width / 2, section.y + section.height - 30);
  for (let line = 1; line <= 12; line += 1) {
    await anna.keyboard.type(`Exit step ${line}`, { delay: 20 });
    await anna.keyboard.press('Enter');
  }
  await anna.keyboard.type('Last line', { delay: 20 });
  await anna.keyboard.press('Escape');
  const text = anna.locator('.tl-shape[data-shape-type="text"]', { hasText: 'Last line' });
  await expect(text).toBeVisible();
  const box = await text.boundingBox();
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeGreaterThan(section.y + section.height + 50);

  // On screen: nothing clips the part below the section.
  await expect(text).toHaveCSS('clip-path', 'none');

  // In the PNG: the picture grows by the overflow instead of stopping at the section's edge.
  const after = await exportPng(anna);
  expect(after.width).toBe(before.width);
  expect(after.height).toBeGreaterThan(before.height + 100);
});

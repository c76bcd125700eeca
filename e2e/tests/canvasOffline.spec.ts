import type { Page } from '@playwright/test';
import { newBlankBoard, shareBoard } from '../support/boards.ts';
import { expect, test } from '../support/fixtures.ts';
import { storedUpdates } from '../support/localStore.ts';

const GEO = '.tl-shape[data-shape-type="geo"]';

async function drawRectangles(page: Page, count: number) {
  const canvas = await page.locator('.tl-canvas').boundingBox();
  if (!canvas) throw new Error('canvas has no box');
  for (let i = 0; i < count; i += 1) {
    const x = canvas.x + 150 + i * 150;
    const y = canvas.y + 200;
    await page.keyboard.press('r');
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 80, y + 60, { steps: 4 });
    await page.mouse.up();
  }
}

async function twoPeopleOnABlankBoard(newPerson: (name: string) => Promise<Page>, origin: string) {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const board = await newBlankBoard(anna, origin);
  await shareBoard(anna, origin, board, erik);
  for (const page of [anna, erik]) {
    await page.goto(board);
    await expect(page.locator('output.connection')).toHaveAttribute('data-state', 'connected');
  }
  return { anna, erik, board };
}

test('shapes added offline reach the other person when the connection returns', async ({
  newPerson,
  server,
  checkAccessibility,
  consoleErrors,
}) => {
  // Offline, the browser logs each refused reconnection attempt; those are expected here.
  consoleErrors.allow(/WebSocket|ERR_INTERNET_DISCONNECTED|Failed to fetch/);
  const { anna, erik } = await twoPeopleOnABlankBoard(newPerson, server.origin);
  const badge = anna.locator('output.connection');

  await anna.context().setOffline(true);
  await expect(badge).toHaveAttribute('data-state', 'offline');
  await drawRectangles(anna, 3);
  await expect(anna.locator(GEO)).toHaveCount(3);
  await expect(badge).toHaveAttribute('data-state', 'unsent');
  await expect(badge).toContainText('unsent changes');
  await checkAccessibility(anna);
  await expect(erik.locator(GEO)).toHaveCount(0);

  await anna.context().setOffline(false);
  await expect(erik.locator(GEO)).toHaveCount(3);
  await expect(badge).toHaveAttribute('data-state', 'connected');
});

test('shapes added offline survive closing the tab and sync when the board is opened again', async ({
  newPerson,
  server,
  consoleErrors,
}) => {
  // Offline, the browser logs each refused reconnection attempt; those are expected here.
  consoleErrors.allow(/WebSocket|ERR_INTERNET_DISCONNECTED|Failed to fetch/);
  const { anna, erik, board } = await twoPeopleOnABlankBoard(newPerson, server.origin);
  const documentId = board.split('/').pop() as string;
  const before = await storedUpdates(anna, documentId);

  await anna.context().setOffline(true);
  await expect(anna.locator('output.connection')).toHaveAttribute('data-state', 'offline');
  await drawRectangles(anna, 2);
  await expect(anna.locator(GEO)).toHaveCount(2);
  // Closing before IndexedDB has the edits would lose them (as it would for a person).
  await expect.poll(() => storedUpdates(anna, documentId)).toBeGreaterThan(before);
  const context = anna.context();
  await anna.close();
  await expect(erik.locator(GEO)).toHaveCount(0);

  await context.setOffline(false);
  const annaAgain = await context.newPage();
  await annaAgain.goto(board);
  await expect(annaAgain.locator(GEO)).toHaveCount(2);
  await expect(erik.locator(GEO)).toHaveCount(2);
});

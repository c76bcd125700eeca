import type { Page } from '@playwright/test';
import { type BoardRecord, readBoard } from '../../packages/model/src/index.ts';
import { connectClient, synced, type TestClient } from '../../server/test/support/syncClient.ts';
import { newBlankBoard, shareBoard } from '../support/boards.ts';
import { expect, test } from '../support/fixtures.ts';

/*
 * Issue 18: two people change different properties of the same shape, one of them
 * offline; when both are back, both changes are there, in both browsers and on the server.
 */

/** A sync client in Node, signed in as the page's person: reads what the server holds. */
async function serverReader(page: Page, origin: string, board: string): Promise<TestClient> {
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const client = connectClient(origin, board.split('/').pop() as string, undefined, { headers: { cookie, origin } });
  await synced(client);
  return client;
}

function shapeOf(
  reader: TestClient,
  type: string,
): BoardRecord & { x: number; y: number; props: Record<string, unknown> } {
  const shape = readBoard(reader.doc).find((record) => record.type === type);
  if (!shape) throw new Error(`no ${type} on the board`);
  return shape as never;
}

async function twoPeople(newPerson: (name: string) => Promise<Page>, origin: string) {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const board = await newBlankBoard(anna, origin);
  await shareBoard(anna, origin, board, erik);
  for (const page of [anna, erik]) {
    await page.goto(board);
    await expect(page.locator('output.connection')).toHaveAttribute('data-state', 'connected', { timeout: 60_000 });
  }
  return { anna, erik, reader: await serverReader(anna, origin, board) };
}

async function setOnline(page: Page, online: boolean) {
  await page.context().setOffline(!online);
  await expect(page.locator('output.connection')).toHaveAttribute(
    'data-state',
    online ? 'connected' : /offline|unsent/,
  );
}

async function centreOf(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

/** Where a page draws a shape, in page space: the translation of its element's transform matrix. */
async function drawnAt(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const transform = await page.locator(selector).evaluate((element) => (element as HTMLElement).style.transform);
  const numbers = transform.match(/-?[\d.]+/g)?.map(Number) ?? [];
  return { x: numbers[4] ?? Number.NaN, y: numbers[5] ?? Number.NaN };
}

/** Waits until the server holds the position the page shows once its drag has ended. */
async function serverHasFinalPosition(page: Page, reader: TestClient, selector: string, type: string) {
  const final = await drawnAt(page, selector);
  await expect.poll(() => ({ x: shapeOf(reader, type).x, y: shapeOf(reader, type).y })).toEqual(final);
  return final;
}

async function drag(page: Page, from: { x: number; y: number }, by: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + by.x, from.y + by.y, { steps: 8 });
  await page.mouse.up();
}

const NOTE = '.tl-shape[data-shape-type="note"]';
const GEO = '.tl-shape[data-shape-type="geo"]';

/** Anna puts a note with `text` on the board; returns once Erik sees it. */
async function addNote(anna: Page, erik: Page, text: string) {
  const canvas = await anna.locator('.tl-canvas').boundingBox();
  if (!canvas) throw new Error('canvas has no box');
  await anna.keyboard.press('n');
  await anna.mouse.click(canvas.x + 300, canvas.y + 300);
  await anna.keyboard.type(text, { delay: 60 });
  await anna.keyboard.press('Escape');
  await anna.keyboard.press('Escape');
  await expect(erik.locator(NOTE)).toContainText(text);
}

test('a move and an offline text edit of the same note both survive', async ({ newPerson, server }) => {
  const { anna, erik, reader } = await twoPeople(newPerson, server.origin);
  await addNote(anna, erik, 'Draft');
  const before = shapeOf(reader, 'note');

  await setOnline(erik, false);
  await drag(anna, await centreOf(anna, NOTE), { x: 200, y: 120 });
  const moved = await serverHasFinalPosition(anna, reader, NOTE, 'note');
  expect(moved.x).not.toBe(before.x);

  await erik.locator(NOTE).dblclick();
  await erik.keyboard.press('ControlOrMeta+a');
  await erik.keyboard.type('Final plan', { delay: 40 });
  await erik.keyboard.press('Escape');
  await expect(erik.locator(NOTE)).toContainText('Final plan');
  await setOnline(erik, true);

  await expect.poll(() => JSON.stringify(shapeOf(reader, 'note').props.richText)).toContain('Final plan');
  expect(shapeOf(reader, 'note')).toMatchObject({ x: moved.x, y: moved.y });
  for (const page of [anna, erik]) await expect(page.locator(NOTE)).toContainText('Final plan');
  const annaSees = await anna.locator(NOTE).getAttribute('style');
  await expect.poll(() => erik.locator(NOTE).getAttribute('style')).toBe(annaSees);
  reader.destroy();
});

test('a colour change and an offline size change of the same note both survive', async ({ newPerson, server }) => {
  const { anna, erik, reader } = await twoPeople(newPerson, server.origin);
  await addNote(anna, erik, 'Budget');

  await setOnline(erik, false);
  await anna.locator(NOTE).click();
  await anna.getByTestId('style.color.red').click();
  await expect.poll(() => shapeOf(reader, 'note').props.color).toBe('red');
  await erik.locator(NOTE).click();
  await erik.getByTestId('style.size.xl').click();
  await setOnline(erik, true);

  await expect.poll(() => shapeOf(reader, 'note').props.size).toBe('xl');
  expect(shapeOf(reader, 'note').props.color).toBe('red');
  for (const page of [anna, erik]) {
    await page.keyboard.press('Escape');
    await page.locator(NOTE).click();
    await expect(page.getByTestId('style.color.red')).toHaveAttribute('data-state', 'on');
    await expect(page.getByTestId('style.size.xl')).toHaveAttribute('data-state', 'on');
  }
  reader.destroy();
});

test('a move and an offline resize of the same rectangle both survive', async ({ newPerson, server }) => {
  const { anna, erik, reader } = await twoPeople(newPerson, server.origin);
  const canvas = await anna.locator('.tl-canvas').boundingBox();
  if (!canvas) throw new Error('canvas has no box');
  await anna.keyboard.press('r');
  await drag(anna, { x: canvas.x + 300, y: canvas.y + 250 }, { x: 160, y: 120 });
  // Filled, so a pointer anywhere on it picks it up.
  await anna.getByTestId('style.fill.solid').click();
  await expect.poll(() => shapeOf(reader, 'geo').props.fill).toBe('solid');
  await anna.keyboard.press('Escape');
  await expect(erik.locator(GEO)).toHaveCount(1);
  const original = shapeOf(reader, 'geo');

  await setOnline(erik, false);
  await drag(anna, await centreOf(anna, GEO), { x: -150, y: 100 });
  const moved = await serverHasFinalPosition(anna, reader, GEO, 'geo');
  expect(moved.x).not.toBe(original.x);

  const { box, ...centre } = await centreOf(erik, GEO);
  expect(box.width).toBeGreaterThan(0);
  await erik.mouse.click(centre.x, centre.y);
  await drag(erik, { x: box.x + box.width, y: box.y + box.height }, { x: 90, y: 70 });
  await setOnline(erik, true);

  await expect.poll(() => shapeOf(reader, 'geo').props.w).toBeGreaterThan(original.props.w as number);
  expect(shapeOf(reader, 'geo')).toMatchObject({ x: moved.x, y: moved.y });
  expect(shapeOf(reader, 'geo').props.h).toBeGreaterThan(original.props.h as number);
  // The shape's own element is placed and sized in page space: the same in both browsers.
  await expect.poll(() => anna.locator(GEO).getAttribute('style')).toContain(`${shapeOf(reader, 'geo').props.w}px`);
  const annaSees = await anna.locator(GEO).getAttribute('style');
  await expect.poll(() => erik.locator(GEO).getAttribute('style')).toBe(annaSees);
  reader.destroy();
});

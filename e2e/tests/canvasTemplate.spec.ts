import type { Locator, Page } from '@playwright/test';
import { newTemplateBoard, shareBoard } from '../support/boards.ts';
import { expect, test } from '../support/fixtures.ts';

const JOINT = '[data-shape-id="shape:section-joint-objectives"]';
const SUCCESS = '[data-shape-id="shape:section-success-measures"]';

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('no bounding box');
  return box;
}

function contains(outer: { x: number; y: number; width: number; height: number }, p: { x: number; y: number }) {
  return p.x > outer.x && p.x < outer.x + outer.width && p.y > outer.y && p.y < outer.y + outer.height;
}

async function centreOf(locator: Locator) {
  const box = await boxOf(locator);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Draws a rectangle with the keyboard shortcut and a drag (tldraw returns to selecting). */
async function drawRectangle(page: Page, at: { x: number; y: number }) {
  await page.keyboard.press('r');
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + 40, at.y + 30, { steps: 5 });
  await page.mouse.up();
}

test('two people fill in the template; notes land in frames; undo undoes only one’s own change', async ({
  newPerson,
  server,
  checkAccessibility,
}) => {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const board = await newTemplateBoard(anna, server.origin, 'en');
  await shareBoard(anna, server.origin, board, erik);
  await anna.goto(board);
  await erik.goto(board);

  for (const page of [anna, erik]) {
    await expect(page.locator('.tl-shape[data-shape-type="frame"]')).toHaveCount(12);
    await expect(page.locator('.tl-frame-heading', { hasText: 'Joint objectives' })).toBeVisible();
  }
  await expect(anna.getByText('What do we achieve together that neither of us can achieve alone?')).toBeVisible();
  await anna.screenshot({ path: '../.test-output/canvas-template.png' });
  await checkAccessibility(anna);

  // Anna adds a sticky note in the lower part of "Joint objectives" (below the prompt).
  const jointBox = await boxOf(anna.locator(JOINT));
  await anna.keyboard.press('n');
  await anna.mouse.click(jointBox.x + jointBox.width / 2, jointBox.y + jointBox.height * 0.65);
  await expect(anna.locator('.tl-shape[data-shape-type="note"] [contenteditable="true"]')).toBeFocused();
  await anna.keyboard.type('A shared research school by 2030');
  await anna.keyboard.press('Escape');
  await anna.keyboard.press('Escape');

  const erikNote = erik.locator('.tl-shape[data-shape-type="note"]');
  await expect(erikNote).toHaveCount(1);
  // (Anna's name tag shows on the note while she types, so match a part of the text.)
  await expect(erikNote).toContainText('research school by 2030');
  const noteAtErik = await centreOf(erikNote);
  expect(contains(await boxOf(erik.locator(JOINT)), noteAtErik)).toBe(true);

  // Erik moves it left, still within the frame; Anna sees it move.
  const annaNote = anna.locator('.tl-shape[data-shape-type="note"]');
  const before = await centreOf(annaNote);
  await erik.mouse.move(noteAtErik.x, noteAtErik.y);
  await erik.mouse.down();
  await erik.mouse.move(noteAtErik.x - 40, noteAtErik.y, { steps: 8 });
  await erik.mouse.up();
  await expect.poll(async () => (await centreOf(annaNote)).x).toBeLessThan(before.x - 20);
  const moved = await centreOf(annaNote);

  // Each draws a rectangle in "Success measures"; Anna's is her last action.
  const geo = '.tl-shape[data-shape-type="geo"]';
  const geoBefore = await anna.locator(geo).count();
  const success = await boxOf(anna.locator(SUCCESS));
  await drawRectangle(anna, { x: success.x + success.width * 0.2, y: success.y + success.height * 0.6 });
  await expect(erik.locator(geo)).toHaveCount(geoBefore + 1);
  const successAtErik = await boxOf(erik.locator(SUCCESS));
  await drawRectangle(erik, {
    x: successAtErik.x + successAtErik.width * 0.6,
    y: successAtErik.y + successAtErik.height * 0.6,
  });
  await expect(anna.locator(geo)).toHaveCount(geoBefore + 2);

  // Anna undoes: only her rectangle goes; Erik's rectangle and his move stay.
  await anna.keyboard.press('Control+z');
  await expect(anna.locator(geo)).toHaveCount(geoBefore + 1);
  await expect(erik.locator(geo)).toHaveCount(geoBefore + 1);
  const drawn = erik.locator(`${geo}:not([data-shape-id^="shape:section-"])`);
  await expect(drawn).toHaveCount(1);
  const remaining = await centreOf(drawn);
  expect(remaining.x).toBeGreaterThan(successAtErik.x + successAtErik.width * 0.5);
  expect((await centreOf(annaNote)).x).toBeCloseTo(moved.x, 0);
  await expect(erik.locator('.tl-shape[data-shape-type="note"]')).toHaveCount(1);
});

test('a Swedish partnership’s board is in Swedish', async ({ newPerson, server }) => {
  const sara = await newPerson('Sara Holm');
  const board = await newTemplateBoard(sara, server.origin, 'sv');
  await sara.goto(board);
  await expect(sara.locator('.tl-frame-heading', { hasText: 'Gemensamma mål' })).toBeVisible();
  await expect(sara.getByText('Vad uppnår vi tillsammans som ingen av oss kan uppnå på egen hand?')).toBeVisible();
});

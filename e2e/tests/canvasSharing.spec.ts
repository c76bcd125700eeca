import { readFile } from 'node:fs/promises';
import { newTemplateBoard, shareBoard } from '../support/boards.ts';
import { expect, test } from '../support/fixtures.ts';

test('a board downloads as PNG and SVG, made in the browser', async ({ newPerson, server }) => {
  const anna = await newPerson('Anna Lind');
  const board = await newTemplateBoard(anna, server.origin);
  await anna.goto(board);
  await expect(anna.locator('.tl-shape[data-shape-type="frame"]')).toHaveCount(12);

  const [png] = await Promise.all([
    anna.waitForEvent('download'),
    anna.getByRole('button', { name: 'Export PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('partnership-canvas.png');
  const pngBytes = await readFile(await png.path());
  expect(pngBytes.length).toBeGreaterThan(0);
  expect(pngBytes.subarray(1, 4).toString('ascii')).toBe('PNG');

  const [svg] = await Promise.all([
    anna.waitForEvent('download'),
    anna.getByRole('button', { name: 'Export SVG' }).click(),
  ]);
  expect(svg.suggestedFilename()).toBe('partnership-canvas.svg');
  const svgText = await readFile(await svg.path(), 'utf8');
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('neither of us can achieve alone');
});

test('clicking a person in the presence list follows their view', async ({ newPerson, server }) => {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const board = await newTemplateBoard(anna, server.origin);
  await shareBoard(anna, server.origin, board, erik);
  await anna.goto(board);
  await erik.goto(board);

  const follow = anna.getByRole('region', { name: 'Here now' }).getByRole('button', { name: /Erik Berg/ });
  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  await expect(anna.locator('.tlui-following-indicator')).toBeVisible();

  // Erik zooms in; Anna's view follows to the same zoom (both windows are the same size).
  const zoomOf = async (page: typeof anna) => page.getByTestId('minimap.zoom-menu-button').getAttribute('aria-label');
  const annaZoomBefore = await zoomOf(anna);
  await erik.locator('.tl-canvas').click({ position: { x: 20, y: 300 } });
  await erik.keyboard.press('Control+Equal');
  await expect.poll(() => zoomOf(erik)).not.toBe(annaZoomBefore);
  await expect.poll(async () => (await zoomOf(anna)) === (await zoomOf(erik))).toBe(true);
  expect(await zoomOf(anna)).not.toBe(annaZoomBefore);

  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
});

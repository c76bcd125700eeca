import { dropImage, newBlankBoard, shareBoard } from '../support/boards.ts';
import { expect, test } from '../support/fixtures.ts';

test('an image dropped on the canvas is uploaded to the server and shown to the other person', async ({
  newPerson,
  server,
}) => {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const board = await newBlankBoard(anna, server.origin);
  await shareBoard(anna, server.origin, board, erik);
  await anna.goto(board);
  await erik.goto(board);
  await expect(anna.locator('.tl-canvas')).toBeVisible();
  await expect(erik.locator('.tl-canvas')).toBeVisible();

  // A real PNG drawn by the browser, dropped like a file from the desktop.
  expect(await dropImage(anna)).toBe(201);

  const erikImage = erik.locator('.tl-shape[data-shape-type="image"] img');
  await expect(erikImage).toHaveCount(1);
  const src = (await erikImage.getAttribute('src')) ?? '';
  expect(src).toContain('/api/assets/');
  expect(src.startsWith('data:')).toBe(false);
  await expect.poll(() => erikImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
});

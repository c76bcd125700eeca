import { newBlankBoard, shareBoard } from '../support/boards.ts';
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

  const upload = anna.waitForResponse((r) => r.url().includes('/assets') && r.request().method() === 'POST');
  // A real PNG drawn by the browser, dropped like a file from the desktop.
  await anna.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const ctx = canvas.getContext('2d');
    if (ctx) {
      ctx.fillStyle = '#0b4f6c';
      ctx.fillRect(0, 0, 64, 48);
    }
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('no PNG');
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], 'logo.png', { type: 'image/png' }));
    const target = document.querySelector('.tl-canvas');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target?.dispatchEvent(
        new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true, clientX: 500, clientY: 400 }),
      );
    }
  });
  expect((await upload).status()).toBe(201);

  const erikImage = erik.locator('.tl-shape[data-shape-type="image"] img');
  await expect(erikImage).toHaveCount(1);
  const src = (await erikImage.getAttribute('src')) ?? '';
  expect(src).toContain('/api/assets/');
  expect(src.startsWith('data:')).toBe(false);
  await expect.poll(() => erikImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
});

import { createDocumentViaApi } from '../support/accounts.ts';
import { newBlankBoard, shareBoard } from '../support/boards.ts';
import { expect, test } from '../support/fixtures.ts';

test('two people co-edit a canvas and a document, and a crash loses nothing', async ({
  newPerson,
  server,
  checkAccessibility,
  consoleErrors,
}) => {
  // While the server is down, the browser logs each refused reconnection attempt, and the
  // partnership's comment event stream, cut off by the crash, as an incomplete response.
  consoleErrors.allow(/WebSocket|ERR_CONNECTION_REFUSED|Failed to fetch/);
  consoleErrors.allow(/ERR_INCOMPLETE_CHUNKED_ENCODING .*\/events\)/);
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const CANVAS = await newBlankBoard(anna, server.origin);
  const partnershipId = CANVAS.split('/')[2] as string;
  const DOCUMENT = await createDocumentViaApi(anna, server.origin, partnershipId, 'text', 'Joint strategy');
  await shareBoard(anna, server.origin, CANVAS, erik);
  // Sara joins now but opens nothing until after the crash, so she holds no copy.
  const sara = await newPerson('Sara Holm');
  await shareBoard(anna, server.origin, CANVAS, sara, 'viewer');

  // Canvas: Anna draws a rectangle; Erik sees it and Anna's named cursor.
  await anna.goto(CANVAS);
  await erik.goto(CANVAS);
  const annaCanvas = anna.locator('.tl-canvas');
  await expect(annaCanvas).toBeVisible();
  await expect(erik.locator('.tl-canvas')).toBeVisible();
  await expect(anna.getByText('Connected')).toBeVisible();
  await expect(erik.getByText('Connected')).toBeVisible();

  const box = await annaCanvas.boundingBox();
  if (!box) throw new Error('canvas has no box');
  await anna.keyboard.press('r');
  await anna.mouse.move(box.x + 300, box.y + 200);
  await anna.mouse.down();
  await anna.mouse.move(box.x + 420, box.y + 280, { steps: 8 });
  await anna.mouse.up();
  await expect(anna.locator('.tl-shape[data-shape-type="geo"]')).toHaveCount(1);
  await expect(erik.locator('.tl-shape[data-shape-type="geo"]')).toHaveCount(1);

  await anna.mouse.move(box.x + 500, box.y + 350, { steps: 5 });
  await expect(erik.locator('.tl-nametag', { hasText: 'Anna Lind' })).toBeVisible();
  await expect(erik.getByRole('region', { name: 'Here now' }).getByText('Anna Lind')).toBeVisible();
  await checkAccessibility(erik);

  // Document: Anna types; Erik sees the text and Anna's caret.
  await anna.goto(DOCUMENT);
  await erik.goto(DOCUMENT);
  const annaEditor = anna.getByRole('textbox', { name: 'Document text' });
  await annaEditor.click();
  await anna.keyboard.type('Joint objective: a shared research school by 2030.');
  await expect(erik.getByRole('textbox', { name: 'Document text' })).toContainText(
    'Joint objective: a shared research school by 2030.',
  );
  await expect(erik.locator('.collaboration-carets__label', { hasText: 'Anna Lind' })).toBeVisible();
  await checkAccessibility(anna);

  // The server dies without a chance to flush. Anna and Erik leave before it
  // returns (their browsers would otherwise re-send what they hold); a new
  // person still sees everything, so it came from storage.
  await server.crash();
  await anna.context().close();
  await erik.context().close();
  await server.launch();
  await sara.goto(CANVAS);
  await expect(sara.locator('.tl-shape[data-shape-type="geo"]')).toHaveCount(1);
  await sara.goto(DOCUMENT);
  await expect(sara.getByRole('textbox', { name: 'Document text' })).toContainText(
    'Joint objective: a shared research school by 2030.',
  );
});

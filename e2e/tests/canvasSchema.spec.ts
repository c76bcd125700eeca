import type { Page } from '@playwright/test';
import {
  boardRecords,
  readBoard,
  seedPartnershipCanvas,
  TEMPLATE_TLDRAW_SCHEMA,
  writeTldrawSchema,
} from '../../packages/model/src/index.ts';
import { connectClient, eventually, synced, type TestClient } from '../../server/test/support/syncClient.ts';
import { newBlankBoard } from '../support/boards.ts';
import { expect, test } from '../support/fixtures.ts';

/** A real sync client in Node signed in as the page's person (their session cookie). */
async function scriptAs(page: Page, origin: string, documentId: string): Promise<TestClient> {
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const client = connectClient(origin, documentId, undefined, { headers: { cookie, origin } });
  await synced(client);
  return client;
}

/** The board's records as JSON text, to compare before and after. */
function snapshot(client: TestClient): string {
  return JSON.stringify(readBoard(client.doc).sort((a, b) => a.id.localeCompare(b.id)));
}

test('a board saved by a newer client is shown read-only, never written to, and asks for a reload', async ({
  newPerson,
  server,
  checkAccessibility,
}) => {
  const anna = await newPerson('Anna Lind');
  const board = await newBlankBoard(anna, server.origin);
  const documentId = board.split('/').pop() as string;

  // A client from the future wrote this board: frames at a record version we do not know.
  const future = await scriptAs(anna, server.origin, documentId);
  seedPartnershipCanvas(future.doc, 'en');
  writeTldrawSchema(future.doc, {
    ...TEMPLATE_TLDRAW_SCHEMA,
    sequences: { ...TEMPLATE_TLDRAW_SCHEMA.sequences, 'com.tldraw.shape.frame': 99 },
  });
  const reader = await scriptAs(anna, server.origin, documentId);
  await eventually(() => boardRecords(reader.doc).size > 0, 'the future board to reach the server');
  future.destroy();
  const before = snapshot(reader);

  await anna.goto(board);
  const notice = anna.getByRole('alert').filter({ hasText: 'saved by a newer version' });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(anna.getByText('View only')).toBeVisible();
  await expect(anna.getByText('What do we achieve together that neither of us can achieve alone?')).toBeVisible();
  await checkAccessibility(anna);

  // Anna tries to draw and to delete; nothing changes, here or on the server.
  const canvas = await anna.locator('.tl-canvas').boundingBox();
  if (!canvas) throw new Error('canvas has no box');
  await anna.keyboard.press('r');
  await anna.mouse.move(canvas.x + 200, canvas.y + 300);
  await anna.mouse.down();
  await anna.mouse.move(canvas.x + 300, canvas.y + 380, { steps: 5 });
  await anna.mouse.up();
  await anna.keyboard.press('Control+a');
  await anna.keyboard.press('Delete');
  await expect(anna.locator('.tl-shape[data-shape-type="geo"]:not([data-shape-id^="shape:section-"])')).toHaveCount(0);
  await expect(anna.locator('.tl-shape[data-shape-type="frame"]')).toHaveCount(12);
  // A mark written after Anna's attempts reaches the reader after anything Anna's page sent; then none may have come.
  const marker = await scriptAs(anna, server.origin, documentId);
  marker.doc.getMap('probe').set('mark', 'after Anna');
  await eventually(() => reader.doc.getMap('probe').get('mark') === 'after Anna', 'the mark to reach the reader');
  marker.destroy();
  expect(snapshot(reader)).toBe(before);
  reader.destroy();
});

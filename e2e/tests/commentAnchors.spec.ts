import path from 'node:path';
import type { Page } from '@playwright/test';
import { addMemberViaApi, createDocumentViaApi, createPartnershipViaApi, emailOf } from '../support/accounts.ts';
import { expect, test } from '../support/fixtures.ts';

const EDITOR = { name: 'Document text' } as const;
const screenshots = path.resolve(import.meta.dirname, '../../docs/screenshots');

/** The page as it is now (no reload: the comments are live state), desktop and phone, light and dark. */
async function shootLive(page: Page, name: string) {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    for (const [width, height] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(screenshots, `${name}-${width}-${theme}.png`) });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openConnected(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('output.connection')).toHaveAttribute('data-state', 'connected');
}

/** Selects `text` in the page's editor as a mouse would (a DOM selection ProseMirror reads), or puts the caret before it. */
async function selectText(page: Page, text: string, caretOnly = false) {
  await page.evaluate(
    ([wanted, collapse]) => {
      const root = document.querySelector('.ProseMirror') as HTMLElement;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(wanted);
        if (at < 0) continue;
        if (root.isContentEditable) root.focus();
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, collapse ? at : at + wanted.length);
        const selection = getSelection() as Selection;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`no “${wanted}” in the editor`);
    },
    [text, caretOnly] as const,
  );
}

test('a commenter anchors a thread to a passage; the highlight stays on its words while an editor types, and the thread shows detached with its quote once they are deleted', async ({
  newPerson,
  server,
}) => {
  const anna = await newPerson('Anna Lind');
  const carl = await newPerson('Carl Holm');
  const { id: partnershipId } = await createPartnershipViaApi(anna, server.origin);
  const path = await createDocumentViaApi(anna, server.origin, partnershipId, 'text', 'Joint strategy');
  await addMemberViaApi(anna, carl, server.origin, partnershipId, emailOf(carl), 'commenter');

  await openConnected(anna, path);
  await anna.getByRole('textbox', EDITOR).click();
  await anna.keyboard.type('The partner funds two doctoral students next year.');
  await openConnected(carl, path);
  const carlsText = carl.getByRole('textbox', EDITOR);
  await expect(carlsText).toContainText('two doctoral students next year.');
  await expect(carlsText).toHaveAttribute('contenteditable', 'false');

  // Carl, who cannot edit, selects the passage and comments on it.
  await selectText(carl, 'two doctoral students');
  await carl.getByRole('button', { name: 'Comment', exact: true }).click();
  await carl.getByRole('combobox', { name: 'New thread' }).fill('Is the second position funded too?');
  await carl.getByRole('button', { name: 'Post' }).click();
  await expect(carl.locator('.comment-highlight')).toHaveText('two doctoral students');
  await expect(anna.locator('.comment-highlight')).toHaveText('two doctoral students');

  // Anna types before, inside and after the passage.
  await selectText(anna, 'The partner', true);
  await anna.keyboard.type('Yes. ');
  await selectText(anna, 'doctoral', true);
  await anna.keyboard.type('funded ');
  await selectText(anna, ' next year', true);
  await anna.keyboard.type(' (both)');
  // (Anna's caret, with her name, sits in Carl's view of the text too.)
  await expect(carlsText).toContainText('Yes. The partner funds two funded doctoral students (both)');
  await expect(carl.locator('.comment-highlight')).toHaveText('two funded doctoral students');
  await shootLive(carl, 'comments-text');

  // Anna deletes the passage: the thread is detached and shows what it was made on.
  await selectText(anna, 'two funded doctoral students');
  await anna.keyboard.press('Backspace');
  await expect(carlsText).not.toContainText('doctoral');
  await expect(carl.locator('.comment-highlight')).toHaveCount(0);
  // The side panel still shows the thread Carl opened.
  const thread = carl.locator('#comments-drawer');
  await expect(thread).toContainText('Is the second position funded too?');
  await expect(thread).toContainText('Detached');
  await expect(thread).toContainText('“two doctoral students”');
  await shootLive(carl, 'comments-text-detached');
});

test('a canvas shape with a thread carries a badge; pressing it lists the shape’s threads', async ({
  newPerson,
  server,
}) => {
  const anna = await newPerson('Anna Lind');
  const carl = await newPerson('Carl Holm');
  const { id: partnershipId, canvasPath, canvasId } = await createPartnershipViaApi(anna, server.origin);
  await addMemberViaApi(anna, carl, server.origin, partnershipId, emailOf(carl), 'commenter');
  await carl.goto(canvasPath);
  const firstShape = carl.locator('.tl-shape[data-shape-id]').first();
  await expect(firstShape).toBeVisible();
  const shapeId = (await firstShape.getAttribute('data-shape-id')) as string;

  // Anna comments on that shape (through the API here; the badge is what this test is about).
  const response = await anna.context().request.post(`${server.origin}/api/partnerships/${partnershipId}/threads`, {
    headers: { Origin: server.origin },
    data: { anchor: { type: 'shape', documentId: canvasId, shapeId }, body: 'Who owns this section?' },
  });
  expect(response.status()).toBe(201);

  // Carl's open board shows the badge live, and pressing it opens the shape's threads.
  const badge = carl.locator(`.shape-comment-badge[data-shape-id="${shapeId}"]`);
  await expect(badge).toHaveText('1');
  await expect(badge).toHaveAccessibleName('1 open comment thread on this shape');
  await badge.click();
  await expect(carl.locator('.thread-item')).toContainText('Who owns this section?');
  await shootLive(carl, 'comments-canvas');
});

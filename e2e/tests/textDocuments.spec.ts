import type { Page } from '@playwright/test';
import { addMemberViaApi, createDocumentViaApi, createPartnershipViaApi, emailOf } from '../support/accounts.ts';
import { expect, test } from '../support/fixtures.ts';
import { storedUpdates } from '../support/localStore.ts';

const EDITOR = { name: 'Document text' } as const;

/** A partnership of `owner` with one blank text document; returns its path, id and partnership id. */
async function newTextDocument(owner: Page, origin: string) {
  const { id: partnershipId } = await createPartnershipViaApi(owner, origin);
  const path = await createDocumentViaApi(owner, origin, partnershipId, 'text', 'Joint strategy');
  return { path, partnershipId, documentId: path.split('/').pop() as string };
}

async function openConnected(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('output.connection')).toHaveAttribute('data-state', 'connected');
}

async function exportMarkdown(page: Page, origin: string, documentId: string): Promise<string> {
  const response = await page.context().request.get(`${origin}/api/documents/${documentId}/export?format=md`);
  expect(response.status()).toBe(200);
  return response.text();
}

test('two people typing at once into the same paragraph both keep their text, in both browsers and the export', async ({
  newPerson,
  server,
  checkAccessibility,
}) => {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const doc = await newTextDocument(anna, server.origin);
  await addMemberViaApi(anna, erik, server.origin, doc.partnershipId, emailOf(erik), 'editor');
  await openConnected(anna, doc.path);
  await openConnected(erik, doc.path);

  // One shared paragraph first, so both type into the same one.
  await anna.getByRole('textbox', EDITOR).click();
  await anna.keyboard.type('Shared paragraph: ');
  await expect(erik.getByRole('textbox', EDITOR)).toContainText('Shared paragraph:');
  await erik.getByRole('textbox', EDITOR).click();
  await erik.keyboard.press('Home');

  const annaText = 'Anna writes about research collaboration.';
  const erikText = 'Erik adds student placements.';
  await Promise.all([anna.keyboard.type(annaText, { delay: 15 }), erik.keyboard.type(erikText, { delay: 15 })]);

  for (const page of [anna, erik]) {
    const editor = page.getByRole('textbox', EDITOR);
    await expect(editor).toContainText(annaText);
    await expect(editor).toContainText(erikText);
    await expect(editor.locator('p')).toHaveCount(1);
  }
  await expect(anna.locator('output.saved-state')).toHaveAttribute('data-saved', 'true');
  await expect(erik.locator('output.saved-state')).toHaveAttribute('data-saved', 'true');
  await checkAccessibility(anna);
  // Saved means stored: the export, read from the server's log, has both.
  const markdown = await exportMarkdown(anna, server.origin, doc.documentId);
  expect(markdown).toContain(annaText);
  expect(markdown).toContain(erikText);

  // A mention is stored as Erik's id and shown with his current name and side, in the editor and the export.
  await anna.keyboard.press('Enter');
  await anna.keyboard.type('Owner: @Eri');
  await anna.getByRole('option', { name: /Erik Berg/ }).click();
  await expect(anna.locator('.ProseMirror .mention')).toHaveText('@Erik Berg (Partner AB)');
  await expect(erik.locator('.ProseMirror .mention')).toHaveText('@Erik Berg (Partner AB)');
  await expect(anna.locator('output.saved-state')).toHaveAttribute('data-saved', 'true');
  expect(await exportMarkdown(anna, server.origin, doc.documentId)).toContain('Owner: @Erik Berg (Partner AB)');
});

test('a commenter and a viewer watch the text change live and cannot change it', async ({
  newPerson,
  server,
  checkAccessibility,
}) => {
  const anna = await newPerson('Anna Lind');
  const carl = await newPerson('Carl Commenter');
  const vera = await newPerson('Vera Viewer');
  const doc = await newTextDocument(anna, server.origin);
  await addMemberViaApi(anna, carl, server.origin, doc.partnershipId, emailOf(carl), 'commenter');
  await addMemberViaApi(anna, vera, server.origin, doc.partnershipId, emailOf(vera), 'viewer');
  await openConnected(anna, doc.path);
  await openConnected(carl, doc.path);
  await openConnected(vera, doc.path);

  await anna.getByRole('textbox', EDITOR).click();
  await anna.keyboard.type('Decision: the steering group meets quarterly.');
  for (const watcher of [carl, vera]) {
    const editor = watcher.getByRole('textbox', EDITOR);
    await expect(editor).toContainText('Decision: the steering group meets quarterly.');
    await expect(editor).toHaveAttribute('contenteditable', 'false');
    await expect(watcher.getByText('View only')).toBeVisible();
    await expect(watcher.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);
    // Typing does nothing in a read-only editor.
    await editor.click();
    await watcher.keyboard.type('typed by a reader');
    await expect(editor).not.toContainText('typed by a reader');
  }
  await checkAccessibility(vera);

  // A hand-made client edit (as a modified browser could send) reaches the server and is dropped there.
  for (const [watcher, text] of [
    [carl, 'forged by the commenter'],
    [vera, 'forged by the viewer'],
  ] as const) {
    await watcher.evaluate((forged) => {
      // biome-ignore lint/suspicious/noExplicitAny: Tiptap hangs its editor on the DOM node
      const editor = (document.querySelector('.ProseMirror') as any).editor;
      editor.setEditable(true);
      editor.commands.insertContentAt(editor.state.doc.content.size, `<p>${forged}</p>`);
    }, text);
    await expect(watcher.getByRole('textbox', EDITOR)).toContainText(text);
  }
  // A marker typed afterwards by Anna arrives everywhere: the forged frames, sent earlier, were handled by then.
  await anna.keyboard.type(' Marker.');
  await expect(carl.getByRole('textbox', EDITOR)).toContainText('Marker.');
  await expect(vera.getByRole('textbox', EDITOR)).toContainText('Marker.');
  await expect(anna.locator('output.saved-state')).toHaveAttribute('data-saved', 'true');
  const annaEditor = anna.getByRole('textbox', EDITOR);
  await expect(annaEditor).not.toContainText('forged');
  const markdown = await exportMarkdown(anna, server.origin, doc.documentId);
  expect(markdown).toContain('Marker.');
  expect(markdown).not.toContain('forged');
});

test('a paragraph typed offline survives closing the tab and is saved once the document is opened online', async ({
  newPerson,
  server,
}) => {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const doc = await newTextDocument(anna, server.origin);
  await addMemberViaApi(anna, erik, server.origin, doc.partnershipId, emailOf(erik), 'editor');
  await openConnected(anna, doc.path);
  await openConnected(erik, doc.path);
  const saved = anna.locator('output.saved-state');
  await expect(saved).toHaveAttribute('data-saved', 'true');
  const before = await storedUpdates(anna, doc.documentId);

  await anna.context().setOffline(true);
  await expect(anna.locator('output.connection')).toHaveAttribute('data-state', 'offline');
  await anna.getByRole('textbox', EDITOR).click();
  await anna.keyboard.type('Written on the train, without a connection.');
  await expect(anna.locator('output.connection')).toHaveAttribute('data-state', 'unsent');
  await expect(saved).toHaveAttribute('data-saved', 'false');
  await expect(saved).toHaveText('Not saved yet');
  // Closing before IndexedDB has the edits would lose them (as it would for a person).
  await expect.poll(() => storedUpdates(anna, doc.documentId)).toBeGreaterThan(before);
  const context = anna.context();
  await anna.close();
  await expect(erik.getByRole('textbox', EDITOR)).not.toContainText('Written on the train');

  await context.setOffline(false);
  const annaAgain = await context.newPage();
  await annaAgain.goto(doc.path);
  await expect(annaAgain.getByRole('textbox', EDITOR)).toContainText('Written on the train, without a connection.');
  await expect(annaAgain.locator('output.saved-state')).toHaveAttribute('data-saved', 'true');
  await expect(annaAgain.locator('output.saved-state')).toHaveText('Saved');
  await expect(erik.getByRole('textbox', EDITOR)).toContainText('Written on the train, without a connection.');
  expect(await exportMarkdown(erik, server.origin, doc.documentId)).toContain('Written on the train');
});

test('an unknown or foreign document shows "not found" at once and opens no socket', async ({
  newPerson,
  server,
  consoleErrors,
}) => {
  // The foreign partnership's own page is asked for and answered 404, which the browser logs.
  consoleErrors.allow(/status of 404 \(Not Found\)/);
  const anna = await newPerson('Anna Lind');
  const outsider = await newPerson('Olle Outsider');
  const mine = await createPartnershipViaApi(anna, server.origin);
  const theirs = await newTextDocument(outsider, server.origin);
  const sockets: string[] = [];
  anna.on('websocket', (socket) => sockets.push(socket.url()));

  const paths = [
    `/p/${mine.id}/docs/unknownDocument1`,
    `/p/${mine.id}/docs/${theirs.documentId}`,
    `/p/${mine.id}/canvas/unknownDocument2`,
    `/p/${mine.id}/canvas/${theirs.documentId}`,
  ];
  for (const path of paths) {
    await anna.goto(path);
    await expect(anna.getByRole('heading', { name: 'Document not found' })).toBeVisible({ timeout: 2000 });
  }
  expect(sockets).toEqual([]);
  // The partnership of someone else is not found either.
  await anna.goto(theirs.path);
  await expect(anna.getByRole('heading', { name: 'Page not found' })).toBeVisible({ timeout: 2000 });
  expect(sockets).toEqual([]);
  // The right id under the wrong kind is sent to where its kind lives.
  await anna.goto(`/p/${mine.id}/docs/${mine.canvasId}`);
  await expect(anna).toHaveURL(new RegExp(`/p/${mine.id}/canvas/${mine.canvasId}$`));
});

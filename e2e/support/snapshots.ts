import { expect, type Page } from '@playwright/test';

/*
 * Snapshot set-up through the real API and UI, shared by the snapshot specs: the
 * register seeded by CSV (as a person imports it), text typed into a document and
 * confirmed stored by the server's export.
 */

/** Imports goals or risks as CSV; rows with an id update that entry. */
export async function importCsv(
  page: Page,
  origin: string,
  partnershipId: string,
  kind: 'goals' | 'risks',
  rows: string[],
) {
  const answer = await page.context().request.post(`${origin}/api/partnerships/${partnershipId}/register/${kind}.csv`, {
    headers: { origin, 'content-type': 'text/csv' },
    data: rows.join('\r\n'),
  });
  expect(answer.status(), await answer.text()).toBeLessThan(300);
}

/** The register's entry ids by title, from its CSV export. */
export async function entryIds(page: Page, origin: string, partnershipId: string, kind: 'goals' | 'risks') {
  const answer = await page.context().request.get(`${origin}/api/partnerships/${partnershipId}/register/${kind}.csv`);
  expect(answer.status()).toBe(200);
  const [header = '', ...lines] = (await answer.text())
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const columns = header.split(',');
  const id = columns.indexOf('id');
  const title = columns.indexOf('title');
  return new Map(lines.map((line) => line.split(',')).map((cells) => [cells[title] ?? '', cells[id] ?? '']));
}

/** Creates a text document (optionally from a template) and returns its id. */
export async function createTextDocument(
  page: Page,
  origin: string,
  partnershipId: string,
  title: string,
  template?: string,
) {
  const answer = await page.context().request.post(`${origin}/api/partnerships/${partnershipId}/documents`, {
    headers: { origin },
    data: { kind: 'text', title, ...(template ? { template } : {}) },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  return ((await answer.json()) as { document: { id: string } }).document.id;
}

/** Types at the end of a text document and waits until the server's stored copy has it. */
export async function typeIntoDocument(page: Page, origin: string, path: string, documentId: string, text: string) {
  await page.goto(path);
  await expect(page.locator('output.connection')).toHaveAttribute('data-state', 'connected');
  const editor = page.getByRole('textbox', { name: 'Document text' });
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(text);
  await expect
    .poll(async () =>
      (await page.context().request.get(`${origin}/api/documents/${documentId}/export?format=md`)).text(),
    )
    .toContain(text);
}

/** Takes a snapshot through the partnership page's "Take snapshot" dialog and returns its id. */
export async function takeSnapshot(page: Page, partnershipId: string, name: string): Promise<string> {
  await page.goto(`/p/${partnershipId}`);
  await page.getByRole('button', { name: 'Take snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Take snapshot' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Take snapshot' }).click();
  const link = page.getByTestId('snapshot-list').getByRole('link', { name, exact: true });
  await expect(link).toBeVisible();
  return (await link.getAttribute('href'))?.split('/').pop() as string;
}

/** Opens a snapshot's share links from its page, makes one (optionally expiring) and returns its address. */
export async function createShareLink(page: Page, partnershipId: string, snapshotId: string): Promise<string> {
  await page.goto(`/p/${partnershipId}/snapshots/${snapshotId}`);
  await page.getByRole('button', { name: 'Share links' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const url = dialog.getByTestId('share-link-url');
  await expect(url).toHaveValue(/\/shared\/[A-Za-z0-9_-]{43}$/);
  const value = await url.inputValue();
  await page.keyboard.press('Escape');
  return value;
}

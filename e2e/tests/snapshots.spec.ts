import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addMemberViaApi, createPartnershipViaApi, emailOf } from '../support/accounts.ts';
import { dropImage } from '../support/boards.ts';
import { expect, test } from '../support/fixtures.ts';
import {
  createShareLink,
  createTextDocument,
  entryIds,
  importCsv,
  takeSnapshot,
  typeIntoDocument,
} from '../support/snapshots.ts';

const GOALS = [
  'A joint research school in wood construction',
  'Twenty degree projects a year',
  'Shared timber test site',
];

/** A partnership with goals, a risk and a typed text document, owned by `owner`. */
async function seededPartnership(owner: Page, origin: string, name: string) {
  const { id } = await createPartnershipViaApi(owner, origin, { name, partnerName: 'Nordic Timber AB' });
  await importCsv(owner, origin, id, 'goals', ['id,title,status', ...GOALS.map((title) => `,${title},on-track`)]);
  await importCsv(owner, origin, id, 'risks', [
    'id,title,category,likelihood,impact,status',
    ',Key sponsor leaves the partner,dependency,3,5,open',
    ',Funding call is not granted,strategic,4,3,monitoring',
  ]);
  const documentId = await createTextDocument(owner, origin, id, 'Annual plan');
  const documentPath = `/p/${id}/docs/${documentId}`;
  await typeIntoDocument(owner, origin, documentPath, documentId, 'Original plan text for the steering group.');
  return { id, documentId, documentPath };
}

/** The status each path answers to the request context of `page` (which holds whatever the share page set). */
async function statusOf(
  page: Page,
  origin: string,
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string> = {},
) {
  const answer = await page.context().request.fetch(`${origin}${url}`, { method, headers: { origin, ...headers } });
  return answer.status();
}

test('S1 by its share link, in a browser with no account: S1 as it was, nothing later, nothing changeable, nothing else reachable', async ({
  newPerson,
  server,
  consoleErrors,
  checkAccessibility,
}) => {
  const anna = await newPerson('Anna Lind');
  const origin = server.origin;
  const { id, documentId, documentPath } = await seededPartnership(anna, origin, 'Timber research school');
  const s1 = await takeSnapshot(anna, id, 'Steering group S1');
  const shareUrl = await createShareLink(anna, id, s1);
  const token = shareUrl.split('/').pop() as string;

  // Anna keeps editing after S1: more text, a new goal, a new document, a second snapshot.
  await typeIntoDocument(anna, origin, documentPath, documentId, 'LATER EDIT after the snapshot.');
  await importCsv(anna, origin, id, 'goals', ['id,title,status', ',A goal added later,not-started']);
  const laterDocument = await createTextDocument(anna, origin, id, 'Later document');
  const s2 = await takeSnapshot(anna, id, 'Steering group S2');

  const visitor = await newPerson('Link holder', { signedUp: false });
  const sockets: string[] = [];
  visitor.on('websocket', (socket) => sockets.push(socket.url()));
  await visitor.goto(new URL(shareUrl).pathname);
  await expect(visitor.getByTestId('snapshot-banner')).toContainText('Steering group S1');
  const goals = visitor.getByTestId('snapshot-goals');
  for (const title of GOALS) await expect(goals).toContainText(title);
  await expect(goals).not.toContainText('A goal added later');
  await expect(visitor.getByTestId('heat-3-5')).toHaveAttribute('data-count', '1');
  await expect(visitor.getByRole('tab', { name: 'Later document' })).toHaveCount(0);
  await checkAccessibility(visitor);

  await visitor.getByRole('tab', { name: 'Annual plan' }).click();
  const text = visitor.locator('.snapshot-text .ProseMirror');
  await expect(text).toContainText('Original plan text for the steering group.');
  await expect(text).not.toContainText('LATER EDIT');
  await expect(text).toHaveAttribute('contenteditable', 'false');
  await text.click();
  await visitor.keyboard.type('visitor typing');
  await expect(text).not.toContainText('visitor typing');

  // The canvas, in tldraw's read-only mode: no tools to draw with.
  const canvasTab = visitor
    .getByRole('tab')
    .filter({ hasNotText: /Goals and risks|Annual plan/ })
    .first();
  await canvasTab.click();
  await expect(visitor.getByTestId('snapshot-canvas').locator('.tl-container')).toBeVisible();
  await expect(visitor.getByTestId('tools.draw')).toHaveCount(0);
  await expect(visitor.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  expect(sockets, 'sockets the shared page opened').toEqual([]);

  // Its own routes answer; the same token opens nothing else, however it is presented.
  expect(await statusOf(visitor, origin, 'GET', `/api/shared/${token}`)).toBe(200);
  expect(await statusOf(visitor, origin, 'GET', `/api/shared/${token}/documents/${documentId}`)).toBe(200);
  expect(await statusOf(visitor, origin, 'GET', `/api/shared/${token}/documents/${laterDocument}`)).toBe(404);
  const elsewhere: [method: 'GET' | 'POST', url: string][] = [
    ['GET', `/api/snapshots/${s1}`],
    ['GET', `/api/snapshots/${s2}`],
    ['GET', `/api/snapshots/${s1}/documents/${documentId}`],
    ['GET', `/api/snapshots/${s1}/compare?with=now`],
    ['GET', `/api/snapshots/${s1}/links`],
    ['POST', `/api/snapshots/${s1}/acknowledgements`],
    ['POST', `/api/snapshots/${s1}/links`],
    ['GET', `/api/partnerships/${id}`],
    ['GET', `/api/partnerships/${id}/snapshots`],
    ['GET', `/api/partnerships/${id}/documents`],
    ['GET', `/api/documents/${documentId}/export?format=md`],
    ['GET', `/api/auth/me`],
  ];
  for (const [method, url] of elsewhere) {
    for (const [how, headers, suffix] of [
      ['plain', {}, ''],
      ['bearer', { authorization: `Bearer ${token}` }, ''],
      ['query', {}, `${url.includes('?') ? '&' : '?'}token=${token}`],
    ] as const) {
      const status = await statusOf(visitor, origin, method, url + suffix, headers);
      expect([401, 403, 404], `${method} ${url} (${how}) answered ${status}`).toContain(status);
    }
  }
  // The live sync endpoint refuses the upgrade, with the token in the query or not.
  for (const query of ['', `?token=${token}`]) {
    const upgrade = await visitor.context().request.get(`${origin}/sync/${documentId}${query}`, {
      headers: {
        origin,
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        authorization: `Bearer ${token}`,
      },
    });
    expect([401, 403, 404], `/sync${query} answered ${upgrade.status()}`).toContain(upgrade.status());
  }
  consoleErrors.allow(/WebSocket connection/);
  const opened = await visitor.evaluate(
    (docId) =>
      new Promise<boolean>((resolve) => {
        const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/sync/${docId}`);
        socket.onopen = () => resolve(true);
        socket.onerror = () => resolve(false);
        socket.onclose = () => resolve(false);
      }),
    documentId,
  );
  expect(opened, 'a socket from the shared page to /sync').toBe(false);
});

test('a revoked link answers 404 at the next load, and so does an expired one', async ({
  newPerson,
  server,
  consoleErrors,
}) => {
  // The browser logs the shared page's 404 answers; they are what this test expects.
  consoleErrors.allow(/status of 404 .*\/api\/shared\//);
  const anna = await newPerson('Anna Lind');
  const origin = server.origin;
  const { id } = await createPartnershipViaApi(anna, origin, { name: 'Timber research school' });
  const s1 = await takeSnapshot(anna, id, 'Before the board meeting');
  const shareUrl = await createShareLink(anna, id, s1);
  const token = shareUrl.split('/').pop() as string;
  const visitor = await newPerson('Link holder', { signedUp: false });
  await visitor.goto(new URL(shareUrl).pathname);
  await expect(visitor.getByTestId('snapshot-banner')).toContainText('Before the board meeting');

  await anna.goto(`/p/${id}/snapshots/${s1}`);
  await anna.getByRole('button', { name: 'Share links' }).click();
  const links = anna.getByTestId('share-links');
  await expect(links).toContainText('Active');
  await links.getByRole('button', { name: 'Revoke' }).click();
  await anna.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(links).toContainText('Revoked');

  expect(await statusOf(visitor, origin, 'GET', `/api/shared/${token}`)).toBe(404);
  await visitor.reload();
  await expect(visitor.getByTestId('shared-invalid')).toBeVisible();
  await expect(visitor.getByTestId('snapshot-banner')).toHaveCount(0);

  // A link that ends a few seconds from now works until then, and answers 404 after.
  const expiresAt = new Date(Date.now() + 8000).toISOString();
  const created = await anna.context().request.post(`${origin}/api/snapshots/${s1}/links`, {
    headers: { origin },
    data: { expiresAt },
  });
  expect(created.status(), await created.text()).toBe(201);
  const shortToken = ((await created.json()) as { url: string }).url.split('/').pop() as string;
  expect(await statusOf(visitor, origin, 'GET', `/api/shared/${shortToken}`)).toBe(200);
  await expect.poll(() => statusOf(visitor, origin, 'GET', `/api/shared/${shortToken}`), { timeout: 30_000 }).toBe(404);
  await visitor.goto(`/shared/${shortToken}`);
  await expect(visitor.getByTestId('shared-invalid')).toBeVisible();
});

test("an image on the snapshot's canvas shows to the link holder, read through the link; the member route stays closed", async ({
  newPerson,
  server,
}) => {
  const anna = await newPerson('Anna Lind');
  const origin = server.origin;
  const { id, canvasPath } = await createPartnershipViaApi(anna, origin, { name: 'Timber research school' });
  await anna.goto(canvasPath);
  await expect(anna.locator('.tl-canvas')).toBeVisible();
  expect(await dropImage(anna)).toBe(201);
  // Another tab of Anna's sees the image only once the server has stored the board's change.
  const check = await anna.context().newPage();
  await check.goto(canvasPath);
  await expect(check.locator('.tl-shape[data-shape-type="image"] img')).toHaveCount(1);
  await check.close();
  const s1 = await takeSnapshot(anna, id, 'With the logo');
  const token = (await createShareLink(anna, id, s1)).split('/').pop() as string;

  const visitor = await newPerson('Link holder', { signedUp: false });
  const refused: string[] = [];
  visitor.on('response', (response) => {
    if (response.status() >= 400) refused.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  await visitor.goto(`/shared/${token}`);
  await visitor
    .getByRole('tab')
    .filter({ hasNotText: /Goals and risks/ })
    .first()
    .click();
  const image = visitor.getByTestId('snapshot-canvas').locator('.tl-shape[data-shape-type="image"] img');
  await expect(image).toHaveCount(1);
  const src = (await image.getAttribute('src')) ?? '';
  expect(src).toMatch(new RegExp(`^/api/shared/${token}/assets/[A-Za-z0-9_-]+$`));
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  expect(refused, 'requests the shared page had refused').toEqual([]);
  const assetId = src.split('/').pop() as string;
  expect(await statusOf(visitor, origin, 'GET', `/api/assets/${assetId}`)).toBe(401);
});

test('the printed report holds the partnership, the heat map and every goal', async ({ newPerson, server }) => {
  const anna = await newPerson('Anna Lind');
  const origin = server.origin;
  const { id } = await seededPartnership(anna, origin, 'Timber research school');
  const s1 = await takeSnapshot(anna, id, 'Steering group, March');
  await anna.goto(`/p/${id}/snapshots/${s1}/report`);
  await expect(anna.getByTestId('report-heat-map')).toBeVisible();
  // tldraw loads, lays the board out off screen and exports it: slow on a loaded machine.
  await expect(anna.getByTestId('report-canvas')).toBeVisible({ timeout: 60_000 });
  await expect(anna.locator('.report .ProseMirror')).toContainText('Original plan text');
  await anna.emulateMedia({ media: 'print', colorScheme: 'light' });
  const dir = mkdtempSync(path.join(tmpdir(), 'snapshot-report-'));
  const pdf = path.join(dir, 'report.pdf');
  await anna.pdf({ path: pdf, format: 'A4', printBackground: true });

  // Reading order, whitespace folded: a title wrapped in a table cell still reads as one.
  const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ');
  expect(text).toContain('Timber research school');
  expect(text).toContain('Linnaeus University');
  expect(text).toContain('Nordic Timber AB');
  for (const title of GOALS) expect(text).toContain(title);
  expect(text).toContain('Risks by likelihood and impact');
  for (const axis of ['L1', 'L5', 'I1', 'I5']) expect(text).toContain(axis);
  expect(text).toContain('Key sponsor leaves the partner');

  // Page 2 (goals, heat map and top risks) as the picture in docs/screenshots.
  execFileSync('pdftoppm', ['-f', '2', '-l', '2', '-png', '-r', '80', pdf, path.join(dir, 'page')]);
  const page = readdirSync(dir).find((file) => file.startsWith('page') && file.endsWith('.png')) as string;
  renameSync(path.join(dir, page), path.join(import.meta.dirname, '../../docs/screenshots/snapshot-report.png'));
});

test('the home shows the latest snapshot and, live, who on each side has acknowledged it', async ({
  newPerson,
  server,
}) => {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const origin = server.origin;
  const { id } = await createPartnershipViaApi(anna, origin, {
    name: 'Timber research school',
    partnerName: 'Nordic Timber AB',
  });
  await addMemberViaApi(anna, erik, origin, id, emailOf(erik), 'viewer', 'partner');
  await takeSnapshot(anna, id, 'Steering group, March');
  const annaPanel = anna.getByTestId('latest-snapshot');
  await expect(annaPanel).toContainText('Steering group, March');
  await expect(annaPanel.getByRole('region', { name: 'Nordic Timber AB' })).toContainText('Nobody yet.');

  // A viewer on the partner side acknowledges; the owner's open page shows it without a reload.
  await erik.goto(`/p/${id}`);
  await erik.getByTestId('latest-snapshot').getByRole('button', { name: 'Acknowledge' }).click();
  await expect(erik.getByTestId('latest-snapshot')).toContainText('You have acknowledged this snapshot.');
  await expect(annaPanel.getByRole('region', { name: 'Nordic Timber AB' })).toContainText(
    /Erik Berg \(Nordic Timber AB\), \d/,
  );
  await expect(annaPanel.getByRole('region', { name: 'Linnaeus University' })).toContainText('Nobody yet.');
  // Only owners rename or delete; a viewer sees neither the menu nor "Take snapshot".
  await expect(erik.getByRole('button', { name: 'Take snapshot' })).toHaveCount(0);
  await expect(erik.getByRole('button', { name: /More for/ })).toHaveCount(0);
});

const SIZES = [
  { name: 'desktop', width: 1280, height: 860 },
  { name: 'phone', width: 390, height: 844 },
] as const;

test('screenshots: the snapshot view, the comparison with now and the home panels, desktop and phone, light and dark', async ({
  newPerson,
  server,
  checkAccessibility,
}) => {
  const anna = await newPerson('Anna Lind');
  const origin = server.origin;
  const { id, documentId, documentPath } = await seededPartnership(anna, origin, 'Timber research school');
  const s1 = await takeSnapshot(anna, id, 'Steering group, March');
  // Known changes after S1: one goal's status, one goal added, one risk moved, one paragraph added.
  const goals = await entryIds(anna, origin, id, 'goals');
  const risks = await entryIds(anna, origin, id, 'risks');
  await importCsv(anna, origin, id, 'goals', [
    'id,title,status',
    `${goals.get(GOALS[1] as string)},${GOALS[1]},at-risk`,
    ',Joint summer school,not-started',
  ]);
  await importCsv(anna, origin, id, 'risks', [
    'id,title,category,likelihood,impact,status',
    `${risks.get('Key sponsor leaves the partner')},Key sponsor leaves the partner,dependency,2,3,open`,
  ]);
  await typeIntoDocument(anna, origin, documentPath, documentId, 'A new paragraph after the meeting.');
  await anna.goto(`/p/${id}`);
  await anna.getByTestId('latest-snapshot').getByRole('button', { name: 'Acknowledge' }).click();
  await expect(anna.getByTestId('latest-snapshot')).toContainText('Anna Lind');

  const shots = [
    { name: 'snapshot-home', path: `/p/${id}`, ready: () => expect(anna.getByTestId('snapshot-list')).toBeVisible() },
    {
      name: 'snapshot-view',
      path: `/p/${id}/snapshots/${s1}`,
      ready: () => expect(anna.getByTestId('snapshot-goals')).toBeVisible(),
    },
    {
      name: 'snapshot-compare',
      path: `/p/${id}/snapshots/${s1}/compare?with=now`,
      ready: async () => {
        await expect(anna.getByTestId('compare-goals')).toContainText('Joint summer school');
        await expect(anna.getByTestId('compare-risks')).toContainText('Key sponsor leaves the partner');
        await expect(anna.getByTestId('moved-risks-map')).toBeVisible();
        await expect(anna.getByTestId('compare-documents').locator('ins')).toContainText('A new paragraph');
      },
    },
  ];
  for (const theme of ['light', 'dark'] as const) {
    await anna.emulateMedia({ colorScheme: theme });
    for (const size of SIZES) {
      await anna.setViewportSize({ width: size.width, height: size.height });
      for (const shot of shots) {
        await anna.goto(shot.path);
        await shot.ready();
        await expect(anna.locator('html')).toHaveAttribute('data-theme', theme);
        await anna.evaluate(() => document.fonts.ready);
        const out = path.join(import.meta.dirname, '../../docs/screenshots', `${shot.name}-${size.width}-${theme}.png`);
        await anna.screenshot({ path: out, fullPage: true });
        await checkAccessibility(anna);
        if (shot.name === 'snapshot-view' && size.name === 'phone') {
          // Every risk's fields are readable without scrolling its card sideways.
          const risksBox = anna.getByTestId('snapshot-risks').locator('xpath=..');
          expect(await risksBox.evaluate((box) => box.scrollWidth - box.clientWidth)).toBe(0);
          const status = await anna.getByTestId('snapshot-risks').getByText('Monitoring').boundingBox();
          const box = await risksBox.boundingBox();
          expect((status?.x ?? 0) + (status?.width ?? 0)).toBeLessThanOrEqual((box?.x ?? 0) + (box?.width ?? 0));
        }
      }
    }
  }
  // The canvas part (a desktop tool, like the live canvas): tldraw read-only, no tools.
  await anna.emulateMedia({ colorScheme: 'light' });
  await anna.setViewportSize({ width: 1280, height: 860 });
  await anna.goto(`/p/${id}/snapshots/${s1}`);
  await anna.getByRole('tab', { name: 'Partnership canvas' }).click();
  await expect(anna.getByTestId('snapshot-canvas').locator('.tl-shape').first()).toBeVisible();
  await anna.screenshot({
    path: path.join(import.meta.dirname, '../../docs/screenshots/snapshot-canvas-1280-light.png'),
  });
});

import type { DocumentsResponse } from '../../packages/model/src/index.ts';
import {
  addMemberViaApi,
  createDocumentViaApi,
  createPartnershipViaApi,
  emailOf,
  TEST_PASSWORD,
  uniqueEmail,
} from '../support/accounts.ts';
import { expect, test } from '../support/fixtures.ts';

/* The rough edges found when the app was tried as a new user would (issue 16), one test each. */

test('2: a document opened under the wrong kind goes to where its kind lives', async ({ newPerson, server }) => {
  const anna = await newPerson('Anna Lind');
  const { id, canvasId } = await createPartnershipViaApi(anna, server.origin);
  const textPath = await createDocumentViaApi(anna, server.origin, id, 'text', 'Annual plan');
  const textId = textPath.split('/').pop() as string;

  await anna.goto(`/p/${id}/canvas/${textId}`);
  await expect(anna).toHaveURL(new RegExp(`/p/${id}/docs/${textId}$`));
  await expect(anna.getByRole('heading', { name: 'Annual plan' })).toBeVisible();

  await anna.goto(`/p/${id}/docs/${canvasId}`);
  await expect(anna).toHaveURL(new RegExp(`/p/${id}/canvas/${canvasId}$`));
  await expect(anna.locator('.tl-canvas')).toBeVisible();

  const docs = await (await anna.context().request.get(`${server.origin}/api/partnerships/${id}/documents`)).json();
  const register = (docs as DocumentsResponse).documents.find((d) => d.kind === 'register');
  await anna.goto(`/p/${id}/canvas/${register?.id}`);
  await expect(anna).toHaveURL(new RegExp(`/p/${id}/goals$`));
  await expect(anna.locator('.tl-canvas')).toHaveCount(0);
});

test('6: revoking closes the link box; revoke, remove, leave and archive ask first', async ({
  newPerson,
  server,
  checkAccessibility,
}) => {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const { id } = await createPartnershipViaApi(anna, server.origin);
  await addMemberViaApi(anna, erik, server.origin, id, emailOf(erik), 'editor');

  await anna.goto(`/p/${id}/members`);
  const email = uniqueEmail('guest');
  await anna.getByLabel('Email').fill(email);
  await anna.getByRole('button', { name: 'Create invitation' }).click();
  await expect(anna.getByLabel(/Invitation link for/)).toBeVisible();

  // Cancel keeps the invitation; confirming revokes it and its link box goes.
  await anna.getByRole('button', { name: `Revoke ${email}` }).click();
  const dialog = anna.getByRole('alertdialog');
  await expect(dialog).toContainText(`Revoke the invitation for ${email}?`);
  await checkAccessibility(anna);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(anna.getByRole('button', { name: `Revoke ${email}` })).toBeVisible();
  await anna.getByRole('button', { name: `Revoke ${email}` }).click();
  await dialog.getByRole('button', { name: 'Revoke' }).click();
  await expect(anna.getByRole('region', { name: 'Pending invitations' })).toHaveCount(0);
  await expect(anna.getByLabel(/Invitation link for/)).toHaveCount(0);

  // Removing a member asks first; Escape cancels.
  await anna.getByRole('button', { name: 'Remove Erik Berg' }).click();
  await expect(dialog).toContainText('Remove Erik Berg?');
  await anna.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(anna.getByRole('cell', { name: 'Erik Berg', exact: true })).toBeVisible();

  // Leaving asks first.
  await erik.goto(`/p/${id}/members`);
  await erik.getByRole('button', { name: 'Leave partnership' }).click();
  await expect(erik.getByRole('alertdialog')).toContainText('Leave Research school partnership?');
  await erik.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(erik).toHaveURL(new RegExp(`/p/${id}/members$`));

  // Archiving asks first.
  await anna.goto(`/p/${id}/settings`);
  await anna.getByRole('button', { name: 'Archive partnership' }).click();
  await expect(anna.getByRole('alertdialog')).toContainText('Archive Research school partnership?');
  await anna.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(anna.getByText('This partnership is archived')).toHaveCount(0);
});

test('7: a used or garbled invitation link says what happened and offers the way on', async ({
  newPerson,
  server,
  consoleErrors,
  checkAccessibility,
}) => {
  // The server answers these links 410 and 404; the browser logs those failed requests.
  consoleErrors.allow(/status of 41\d|status of 404/);
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const { id } = await createPartnershipViaApi(anna, server.origin);
  const invite = await anna.context().request.post(`${server.origin}/api/partnerships/${id}/invitations`, {
    headers: { origin: server.origin },
    data: { email: emailOf(erik), role: 'editor', side: 'partner' },
  });
  const url = ((await invite.json()) as { url: string }).url;
  await erik.goto(url);
  await erik.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(erik.getByRole('heading', { name: 'Research school partnership' })).toBeVisible();

  // Opened again, signed in: it was used; the way on is the partnership list.
  await erik.goto(url);
  await expect(erik.getByRole('heading', { name: 'This invitation can’t be used' })).toBeVisible();
  await expect(erik.getByText('This invitation has already been used.')).toBeVisible();
  await erik.getByRole('link', { name: 'Go to your partnerships' }).click();
  await expect(erik.getByRole('link', { name: 'Research school partnership' })).toBeVisible();

  // A garbled link, signed out: not valid; the way on is signing in.
  const visitor = await newPerson('Visitor', { signedUp: false });
  await visitor.goto('/invite/not-a-real-token');
  await expect(visitor.getByRole('heading', { name: 'This invitation can’t be used' })).toBeVisible();
  await expect(visitor.getByText('This invitation link is not valid or was revoked.')).toBeVisible();
  await expect(visitor.getByText('Page not found')).toHaveCount(0);
  await checkAccessibility(visitor);
  await visitor.getByRole('main').getByRole('link', { name: 'Log in' }).click();
  await expect(visitor.getByRole('heading', { name: 'Log in to Samverka' })).toBeVisible();
});

test('8: an editor opening the activity page by its URL is told they lack access', async ({ newPerson, server }) => {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const { id } = await createPartnershipViaApi(anna, server.origin);
  await addMemberViaApi(anna, erik, server.origin, id, emailOf(erik), 'editor');
  await erik.goto(`/p/${id}/activity`);
  await expect(erik.getByRole('heading', { name: 'You don’t have access to the activity' })).toBeVisible();
  await expect(erik.getByText('Only the partnership’s owners can read its activity trail.')).toBeVisible();
  await expect(erik.getByText('Something went wrong')).toHaveCount(0);
  await erik.getByRole('link', { name: 'Back to the partnership' }).click();
  await expect(erik.getByRole('heading', { name: 'Research school partnership' })).toBeVisible();
});

test('9a: saving the settings says so', async ({ newPerson, server }) => {
  const anna = await newPerson('Anna Lind');
  const { id } = await createPartnershipViaApi(anna, server.origin);
  await anna.goto(`/p/${id}`);
  await anna.getByRole('link', { name: 'Settings' }).first().click();
  await anna.getByLabel('Lifecycle phase').selectOption('establishing');
  await anna.getByRole('button', { name: 'Save changes' }).click();
  await expect(anna.getByText('Changes saved.', { exact: true })).toBeVisible();
});

test('9b: the start date and term asked at creation are shown again, with the five-year rule', async ({
  newPerson,
}) => {
  const anna = await newPerson('Anna Lind');
  await anna.goto('/p');
  await anna.getByLabel('Partnership name').fill('LNU and Partner AB');
  await anna.getByLabel('University').fill('Linnaeus University');
  await anna.getByLabel('Partner organisation').fill('Partner AB');
  await anna.getByLabel('Start date').fill('2026-01-15');
  await anna.getByLabel('Term (years)').fill('4');
  await anna.getByRole('button', { name: 'Create a partnership' }).click();
  const term = anna.getByRole('region', { name: 'Term' });
  await expect(term).toContainText('Term of 4 years');
  await expect(term).toContainText('Started 15 Jan 2026');
  await expect(term).toContainText('Runs until 15 Jan 2030');
  await expect(term).toContainText('Shorter than the recommended five years');
});

test('9c: one’s own chip on the canvas is not red like an error', async ({ newPerson, server }) => {
  const anna = await newPerson('Anna Lind');
  const { canvasPath } = await createPartnershipViaApi(anna, server.origin);
  await anna.goto(canvasPath);
  const own = anna.locator('.presence-chip', { hasText: 'Anna Lind (you)' });
  await expect(own).toBeVisible({ timeout: 60_000 });
  const fill = await own.evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = (fill.match(/\d+/g) ?? []).map(Number) as [number, number, number];
  expect(r > 150 && g < 80 && b < 80, `own chip fill ${fill}`).toBe(false);
});

test('9d: the canvas has one language switch, the app’s, and tldraw follows it', async ({ newPerson, server }) => {
  const anna = await newPerson('Anna Lind');
  const { canvasPath } = await createPartnershipViaApi(anna, server.origin);
  await anna.goto(canvasPath);
  await expect(anna.locator('.tl-canvas')).toBeVisible({ timeout: 60_000 });
  await anna.getByTestId('main-menu.button').click();
  await expect(anna.getByRole('menuitem', { name: 'Preferences' })).toBeVisible();
  // tldraw's own language (and colour scheme) menus are gone: the app's switches rule.
  await expect(anna.getByRole('menuitem', { name: 'Language' })).toHaveCount(0);
  await anna.getByRole('menuitem', { name: 'Preferences' }).click();
  await expect(anna.getByRole('menuitem', { name: 'Color scheme' })).toHaveCount(0);
  await anna.keyboard.press('Escape');
  await anna.keyboard.press('Escape');
  await expect(anna.getByRole('menuitem', { name: 'Preferences' })).toHaveCount(0);

  await anna.getByLabel('Language').selectOption('sv');
  await anna.getByTestId('main-menu.button').click();
  await expect(anna.getByRole('menuitem', { name: 'Inställningar' })).toBeVisible();
  await expect(anna.getByRole('menuitem', { name: 'Språk' })).toHaveCount(0);
});

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
]) {
  test(`9e: tldraw’s style panel does not cover sections 4 and 8 when a board opens (${viewport.width} px)`, async ({
    newPerson,
    server,
  }) => {
    const anna = await newPerson('Anna Lind');
    await anna.setViewportSize(viewport);
    const { canvasPath } = await createPartnershipViaApi(anna, server.origin);
    await anna.goto(canvasPath);
    const frames = anna.locator('.tl-shape[data-shape-type="frame"]');
    await expect(frames).toHaveCount(12, { timeout: 60_000 });
    await expect(anna.locator('.tlui-style-panel')).toBeVisible();
    const box = async (selector: string) => {
      const found = await anna.locator(selector).boundingBox();
      if (!found) throw new Error(`${selector} has no box`);
      return found;
    };
    // The board settles on its whole-board zoom after mounting: wait until it stops moving.
    let last = '';
    await expect
      .poll(async () => {
        const now = JSON.stringify(await box('[data-shape-id="shape:section-governance"]'));
        const still = now === last;
        last = now;
        return still;
      })
      .toBe(true);
    type Box = { x: number; y: number; width: number; height: number };
    const overlaps = (a: Box, b: Box) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const inside = (a: Box, b: Box) =>
      a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
    const style = await box('.tlui-style-panel');
    const canvas = await box('.tl-canvas');
    for (const slug of ['joint-objectives', 'governance']) {
      const section = await box(`[data-shape-id="shape:section-${slug}"]`);
      const where = `${slug} ${JSON.stringify(section)}, style panel ${JSON.stringify(style)}`;
      expect(inside(section, canvas), `on screen: ${where}`).toBe(true);
      expect(overlaps(style, section), `not covered: ${where}`).toBe(false);
    }
  });
}

test('10: signed-out pages log no console error (being signed out is not an error)', async ({
  newPerson,
  consoleErrors,
}) => {
  const visitor = await newPerson('Visitor', { signedUp: false });
  for (const path of ['/', '/login', '/signup']) {
    await visitor.goto(path);
    await expect(visitor.getByRole('heading', { level: 1 })).toBeVisible();
  }
  // A protected page sends a signed-out person to log in, quietly.
  await visitor.goto('/p');
  await expect(visitor.getByRole('heading', { name: 'Log in to Samverka' })).toBeVisible();
  // A wrong password is an expected answer shown on the form, not a crash.
  await visitor.getByLabel('Email').fill(uniqueEmail('nobody'));
  await visitor.getByLabel('Password').fill(TEST_PASSWORD);
  await visitor.getByRole('button', { name: 'Log in' }).click();
  await expect(visitor.getByText('That email and password do not match an account.')).toBeVisible();
  consoleErrors.allow(/status of 401.*\/api\/auth\/login/);
  expect(consoleErrors.list().filter((e) => !/api\/auth\/login/.test(e))).toEqual([]);
});

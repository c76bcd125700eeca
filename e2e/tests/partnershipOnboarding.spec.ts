import type { Page } from '@playwright/test';
import { addMemberViaApi, emailOf, TEST_PASSWORD, uniqueEmail } from '../support/accounts.ts';
import { newTemplateBoard, shareBoard } from '../support/boards.ts';
import { expect, test } from '../support/fixtures.ts';

async function drawRectangle(page: Page, at: { x: number; y: number }) {
  const box = await page.locator('.tl-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.keyboard.press('r');
  await page.mouse.move(box.x + at.x, box.y + at.y);
  await page.mouse.down();
  await page.mouse.move(box.x + at.x + 90, box.y + at.y + 60, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.press('Escape');
}

test('an owner creates a partnership, invites a partner editor who signs up by the link; a viewer only watches', async ({
  newPerson,
  server,
  checkAccessibility,
}) => {
  // The university owner signs up and creates the partnership through the UI.
  const anna = await newPerson('Anna Lind', { signedUp: false });
  await anna.goto('/signup');
  await checkAccessibility(anna);
  await anna.getByRole('button', { name: 'Create account' }).click();
  await expect(anna.getByText('Required').first()).toBeVisible();
  await anna.getByLabel('Your name').fill('Anna Lind');
  await anna.getByLabel('Email').fill(uniqueEmail('anna'));
  await anna.getByLabel('Password').fill('short');
  await anna.getByRole('button', { name: 'Create account' }).click();
  await expect(anna.getByText('Use at least 10 characters')).toBeVisible();
  await anna.getByLabel('Password').fill(TEST_PASSWORD);
  await anna.getByRole('button', { name: 'Create account' }).click();
  await expect(anna.getByRole('heading', { name: 'Your partnerships' })).toBeVisible();

  await anna.getByLabel('Partnership name').fill('LNU and Partner AB');
  await anna.getByLabel('University').fill('Linnaeus University');
  await anna.getByLabel('Partner organisation').fill('Partner AB');
  await anna.getByLabel('Term (years)').fill('3');
  await expect(anna.getByText('usually runs for at least five years')).toBeVisible();
  await anna.getByLabel('Term (years)').fill('6');
  await checkAccessibility(anna);
  await anna.getByRole('button', { name: 'Create a partnership' }).click();
  await expect(anna.getByRole('heading', { name: 'LNU and Partner AB' })).toBeVisible();
  const partnershipUrl = anna.url();
  const partnershipId = new URL(partnershipUrl).pathname.split('/')[2] as string;

  // She invites the partner's coordinator as an editor on the partner side.
  await anna.getByRole('link', { name: 'Members' }).click();
  const erikEmail = uniqueEmail('erik');
  await anna.getByLabel('Email').fill(erikEmail);
  await anna.getByLabel('Role', { exact: true }).selectOption('editor');
  await anna.getByLabel('Side', { exact: true }).selectOption('partner');
  await anna.getByRole('button', { name: 'Create invitation' }).click();
  const inviteUrl = await anna.getByLabel(/Invitation link for/).inputValue();
  expect(inviteUrl).toMatch(new RegExp(`^${server.origin}/invite/`));
  await expect(anna.getByRole('region', { name: 'Pending invitations' }).getByText(erikEmail)).toBeVisible();
  await checkAccessibility(anna);

  // Erik follows the link, signs up with the invited email, and accepts.
  const erik = await newPerson('Erik Berg', { signedUp: false });
  await erik.goto(inviteUrl);
  await expect(erik.getByRole('heading', { name: 'Invitation to LNU and Partner AB' })).toBeVisible();
  await checkAccessibility(erik);
  await erik.getByRole('link', { name: 'Sign up' }).click();
  await expect(erik.getByLabel('Email')).toHaveValue(erikEmail);
  await erik.getByLabel('Your name').fill('Erik Berg');
  await erik.getByLabel('Password').fill(TEST_PASSWORD);
  await erik.getByRole('button', { name: 'Create account' }).click();
  await erik.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(erik.getByRole('heading', { name: 'LNU and Partner AB' })).toBeVisible();
  await expect(erik.getByText('You are editor on the partner side.')).toBeVisible();

  // Both edit the partnership canvas live.
  await anna.goto(partnershipUrl);
  await anna.getByRole('link', { name: 'Partnership canvas' }).click();
  const canvasUrl = anna.url();
  await erik.goto(canvasUrl);
  for (const page of [anna, erik]) await expect(page.locator('.tl-canvas')).toBeVisible();
  const rectangles = (page: Page) => page.locator('.tl-shape[data-shape-type="geo"]');
  const before = await rectangles(anna).count();
  await drawRectangle(anna, { x: 200, y: 420 });
  await expect(rectangles(erik)).toHaveCount(before + 1);
  await drawRectangle(erik, { x: 420, y: 420 });
  await expect(rectangles(anna)).toHaveCount(before + 2);

  // A viewer sees their edits live and can change nothing.
  const vera = await newPerson('Vera Viewer');
  await addMemberViaApi(anna, vera, server.origin, partnershipId, emailOf(vera), 'viewer', 'university');
  await vera.goto(canvasUrl);
  await expect(rectangles(vera)).toHaveCount(before + 2);
  await expect(vera.getByText('View only')).toBeVisible();
  await drawRectangle(anna, { x: 640, y: 420 });
  await expect(rectangles(vera)).toHaveCount(before + 3);
  await drawRectangle(vera, { x: 200, y: 560 });
  await vera.keyboard.press('Control+a');
  await vera.keyboard.press('Delete');
  await expect(rectangles(vera)).toHaveCount(before + 3);
  // Nothing she tried reached the others either: an edit Anna makes afterwards reaches Erik, and nothing
  // of Vera's (sent earlier, so relayed earlier) came with it.
  await drawRectangle(anna, { x: 640, y: 560 });
  await expect(rectangles(erik)).toHaveCount(before + 4);
  await expect(rectangles(anna)).toHaveCount(before + 4);
  await checkAccessibility(vera);
});

test('an owner renames the partnership, sees the activity trail, and archives it read-only', async ({
  newPerson,
  server,
  checkAccessibility,
}) => {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const board = await newTemplateBoard(anna, server.origin);
  await shareBoard(anna, server.origin, board, erik, 'editor');
  const partnershipId = board.split('/')[2] as string;

  await anna.goto(`/p/${partnershipId}`);
  await anna.getByRole('link', { name: 'Settings' }).first().click();
  await anna.getByLabel('Partnership name').fill('LNU × Partner AB 2027–2032');
  await anna.getByLabel('Lifecycle phase').selectOption('active');
  await anna.getByRole('button', { name: 'Save changes' }).click();
  await expect(anna.getByText('Changes saved.', { exact: true })).toBeVisible();
  await anna.getByRole('link', { name: 'Overview' }).click();
  await expect(anna.getByRole('heading', { name: 'LNU × Partner AB 2027–2032' })).toBeVisible();
  // Within the lifecycle panel: the recent-activity panel also lists the phase change once it loads.
  const lifecycle = anna.getByRole('region', { name: 'Lifecycle' });
  await expect(lifecycle.getByRole('listitem').filter({ hasText: 'Active' })).toHaveAttribute('aria-current', 'step');

  await anna.getByRole('link', { name: 'Activity', exact: true }).click();
  const trail = anna.getByRole('table');
  await expect(trail.getByText('Renamed the partnership')).toBeVisible();
  await expect(trail.getByText('Changed the lifecycle phase')).toBeVisible();
  await expect(trail.getByText('Joined')).toBeVisible();
  await checkAccessibility(anna);

  // The editor sees no activity tab and no settings: abilities decide, not the client.
  await erik.goto(`/p/${partnershipId}`);
  await expect(erik.getByRole('heading', { name: 'LNU × Partner AB 2027–2032' })).toBeVisible();
  await expect(erik.getByRole('link', { name: 'Activity' })).toHaveCount(0);
  await expect(erik.getByRole('link', { name: 'Settings' })).toHaveCount(0);

  // A second board, from the template, through the form.
  await anna.goto(`/p/${partnershipId}`);
  await anna.getByRole('button', { name: 'New document' }).click();
  await anna.getByLabel('Title').fill('Partnership canvas 2028');
  await anna.getByLabel('Kind').selectOption('canvas');
  await anna.getByLabel('Start from').selectOption('partnership-canvas');
  await anna.getByRole('button', { name: 'Create and open' }).click();
  await expect(anna.locator('.tl-shape[data-shape-type="frame"]')).toHaveCount(12);
  await expect(anna.getByRole('heading', { name: 'Partnership canvas 2028' })).toBeVisible();

  await anna.goto(`/p/${partnershipId}/settings`);
  await anna.getByRole('button', { name: 'Archive partnership' }).click();
  await anna.getByRole('alertdialog').getByRole('button', { name: 'Archive partnership' }).click();
  await expect(anna.getByText('This partnership is archived')).toBeVisible();
  await erik.goto(board);
  await expect(erik.getByText('View only')).toBeVisible();
});

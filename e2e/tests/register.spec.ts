import type { Page } from '@playwright/test';
import { addMemberViaApi, createPartnershipViaApi, emailOf } from '../support/accounts.ts';
import { expect, test } from '../support/fixtures.ts';

async function raiseRisk(page: Page, title: string, likelihood: number, impact: number) {
  const form = page.getByRole('form', { name: 'Raise risk' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Likelihood').selectOption(String(likelihood));
  await form.getByLabel('Impact').selectOption(String(impact));
  await form.getByRole('button', { name: 'Raise risk' }).click();
}

const cell = (page: Page, likelihood: number, impact: number) => page.getByTestId(`heat-${likelihood}-${impact}`);

test("a risk raised by one member appears in the other's heat map live and moves when its impact changes", async ({
  newPerson,
  server,
}) => {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const sara = await newPerson('Sara Holm');
  const { id } = await createPartnershipViaApi(anna, server.origin);
  await addMemberViaApi(anna, erik, server.origin, id, emailOf(erik), 'editor');
  await addMemberViaApi(anna, sara, server.origin, id, emailOf(sara), 'viewer');
  for (const page of [anna, erik, sara]) await page.goto(`/p/${id}/risks`);
  await expect(erik.getByText('Connected')).toBeVisible();
  await expect(sara.getByText('Connected')).toBeVisible();

  await raiseRisk(anna, 'Key sponsor leaves the partner', 4, 5);
  await expect(cell(erik, 4, 5)).toHaveAttribute('data-count', '1');
  await expect(cell(sara, 4, 5)).toHaveAttribute('data-count', '1');

  await erik.getByRole('button', { name: 'Key sponsor leaves the partner', exact: true }).click();
  await erik.getByTestId('risk-editor').getByLabel('Impact', { exact: true }).selectOption('3');
  await expect(cell(anna, 4, 3)).toHaveAttribute('data-count', '1');
  await expect(cell(anna, 4, 5)).toHaveAttribute('data-count', '0');
  await expect(anna.getByTestId('risk-score')).toHaveText('4×3 = 12 · high');

  // The viewer follows live but can change nothing.
  await expect(cell(sara, 4, 3)).toHaveAttribute('data-count', '1');
  await expect(sara.getByRole('form', { name: 'Raise risk' })).toHaveCount(0);
  await sara.getByRole('button', { name: 'Key sponsor leaves the partner', exact: true }).click();
  await expect(sara.getByTestId('risk-editor').getByLabel('Impact', { exact: true })).toBeDisabled();
  await expect(sara.getByTestId('risk-editor').getByLabel('Mitigation actions')).toHaveAttribute('readonly', '');
});

test('two members editing one goal at once keep both changes, and both texts typed into one description', async ({
  newPerson,
  server,
}) => {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const { id } = await createPartnershipViaApi(anna, server.origin);
  await addMemberViaApi(anna, erik, server.origin, id, emailOf(erik), 'editor');
  await anna.goto(`/p/${id}/goals`);
  await erik.goto(`/p/${id}/goals`);
  await expect(erik.getByText('Connected')).toBeVisible();

  const add = anna.getByRole('form', { name: 'Add goal' });
  await add.getByLabel('Title').fill('A joint research school');
  await add.getByRole('button', { name: 'Add goal' }).click();
  await expect(anna.getByTestId('goal-editor')).toBeVisible();
  await erik.getByRole('button', { name: 'A joint research school', exact: true }).click();
  const annaEditor = anna.getByTestId('goal-editor');
  const erikEditor = erik.getByTestId('goal-editor');

  // Different fields at the same moment.
  await Promise.all([
    annaEditor.getByLabel('Status').selectOption('at-risk'),
    erikEditor.getByLabel('Due date').fill('2028-06-30'),
  ]);
  for (const editor of [annaEditor, erikEditor]) {
    await expect(editor.getByLabel('Status')).toHaveValue('at-risk');
    await expect(editor.getByLabel('Due date')).toHaveValue('2028-06-30');
  }

  // Both type into the same description at once.
  const annaText = annaEditor.getByLabel('Description');
  const erikText = erikEditor.getByLabel('Description');
  await annaText.click();
  await erikText.click();
  await expect(anna.getByTestId('entry-editor').filter({ hasText: 'Erik Berg is editing Description' })).toBeVisible();
  await Promise.all([
    annaText.pressSequentially('Anna writes this.', { delay: 30 }),
    erikText.pressSequentially('Erik writes that.', { delay: 30 }),
  ]);
  for (const text of [annaText, erikText]) {
    await expect(text).toHaveValue(/Anna writes this\./);
    await expect(text).toHaveValue(/Erik writes that\./);
  }
  await expect(annaText).toHaveValue(await erikText.inputValue());
});

test('the heat map and the tables pass axe and work by keyboard alone', async ({
  newPerson,
  server,
  checkAccessibility,
}) => {
  const anna = await newPerson('Anna Lind');
  const { id } = await createPartnershipViaApi(anna, server.origin);
  await anna.goto(`/p/${id}/risks`);
  await raiseRisk(anna, 'Budget cut', 2, 4);
  await raiseRisk(anna, 'Data breach', 3, 5);
  await expect(cell(anna, 3, 5)).toHaveAttribute('data-count', '1');
  await checkAccessibility(anna);

  // Keyboard: the heat map holds one tab stop; arrows move; Enter filters the table.
  await cell(anna, 1, 5).focus();
  await expect(cell(anna, 1, 5)).toHaveAttribute('tabindex', '0');
  await anna.keyboard.press('ArrowRight');
  await anna.keyboard.press('ArrowRight');
  await expect(cell(anna, 3, 5)).toBeFocused();
  await anna.keyboard.press('Enter');
  await expect(cell(anna, 3, 5)).toHaveAttribute('aria-pressed', 'true');
  await expect(anna.getByTestId('risk-row')).toHaveCount(1);
  await anna.keyboard.press('Enter');
  await expect(anna.getByTestId('risk-row')).toHaveCount(2);
  await anna.keyboard.press('ArrowDown');
  await expect(cell(anna, 3, 4)).toBeFocused();

  // Sort by title from the keyboard, then open a risk and change its likelihood.
  const titleHeader = anna.getByRole('columnheader', { name: 'Title' });
  await titleHeader.getByRole('button').focus();
  await anna.keyboard.press('Enter');
  await expect(titleHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(anna.getByTestId('risk-row').first()).toContainText('Budget cut');
  await anna.getByRole('button', { name: 'Budget cut', exact: true }).focus();
  await anna.keyboard.press('Enter');
  const likelihood = anna.getByTestId('risk-editor').getByLabel('Likelihood', { exact: true });
  await likelihood.focus();
  await anna.keyboard.press('ArrowDown');
  await expect(cell(anna, 3, 4)).toHaveAttribute('data-count', '1');
  await checkAccessibility(anna);

  await anna.getByRole('link', { name: 'Goals', exact: true }).focus();
  await anna.keyboard.press('Enter');
  await anna.getByRole('form', { name: 'Add goal' }).getByLabel('Title').fill('More joint PhDs');
  await anna.keyboard.press('Enter');
  await anna.getByLabel('Table').check();
  await expect(anna.getByTestId('goal-table')).toContainText('More joint PhDs');
  await checkAccessibility(anna);
  await anna.getByRole('link', { name: 'Suitability checklist' }).click();
  await expect(anna.getByTestId('checklist-item')).toHaveCount(5);
  await checkAccessibility(anna);
});

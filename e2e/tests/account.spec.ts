import { emailOf, TEST_PASSWORD } from '../support/accounts.ts';
import { expect, test } from '../support/fixtures.ts';

test('a person downloads their data and deletes their account from the settings page', async ({
  newPerson,
  checkAccessibility,
}) => {
  const page = await newPerson('Dag Leaving');
  await page.goto('/account/settings');
  await expect(page.getByRole('heading', { name: 'Your data and account' })).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await checkAccessibility(page);
  }

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download my data' }).click();
  const file = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const data = JSON.parse(await readFile(file, 'utf8'));
  expect(data.account.email).toBe(emailOf(page));

  await page.getByLabel('Your password, to confirm').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Delete my account' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByText('Your account was deleted.').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
});

test('the forgot-password page answers the same for any address, in Swedish too', async ({
  newPerson,
  checkAccessibility,
}) => {
  const page = await newPerson('Frida Glomsk', { signedUp: false });
  await page.goto('/login');
  await page.getByLabel('Language').selectOption('sv');
  await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
  await page.getByLabel('E-post').fill('nobody-here@example.test');
  await page.getByRole('button', { name: 'Skicka länk' }).click();
  await expect(page.getByRole('status')).toContainText('nobody-here@example.test');
  await checkAccessibility(page);
  await page.goto('/reset-password#not-a-token');
  await expect(page.getByText('Länken för att välja nytt lösenord är ogiltig')).toBeVisible();
});

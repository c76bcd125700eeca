import { expect, test } from '../support/fixtures.ts';

test('the first screen speaks Swedish when chosen, and remembers it', async ({ newPerson, checkAccessibility }) => {
  const page = await newPerson('Karin Ek', { signedUp: false });
  await page.goto('/');
  await page.getByLabel('Language').selectOption('sv');
  await expect(page.getByRole('heading', { name: 'Partnerskapets arbetsyta' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await page.reload();
  await expect(page.getByRole('link', { name: 'Skapa konto' })).toBeVisible();
  await checkAccessibility(page);
});

import { expect, test } from '../support/fixtures.ts';

test('the first screen speaks Swedish when chosen, and remembers it', async ({ newPerson, checkAccessibility }) => {
  const page = await newPerson('Karin Ek');
  await page.goto('/');
  await page.getByLabel('Language').selectOption('sv');
  await expect(page.getByRole('heading', { name: 'Partnerskapets arbetsyta' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await page.reload();
  await expect(page.getByRole('link', { name: 'Öppna partnerskapscanvasen' })).toBeVisible();
  await checkAccessibility(page);
});

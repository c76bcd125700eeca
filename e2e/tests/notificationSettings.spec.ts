import { expect, test } from '../support/fixtures.ts';

test('a person chooses how notification emails reach them; the choice stays after a reload, in Swedish too', async ({
  newPerson,
  checkAccessibility,
}) => {
  const page = await newPerson('Nora Notified');
  await page.goto('/account/settings');
  const choices = page.getByRole('group', { name: 'Send me' });
  await expect(choices.getByRole('radio', { name: /An email for each/ })).toBeChecked();
  await choices.getByRole('radio', { name: /One daily digest/ }).check();
  await expect(page.getByText('Notification settings saved.').first()).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await checkAccessibility(page);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `../.test-output/notification-settings-${theme}-${width}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.reload();
  await expect(page.getByRole('radio', { name: /One daily digest/ })).toBeChecked();
  await page.getByLabel('Language').selectOption('sv');
  const swedish = page.getByRole('group', { name: 'Skicka' });
  await expect(swedish.getByRole('radio', { name: /En daglig sammanfattning/ })).toBeChecked();
  await swedish.getByRole('radio', { name: /Inga aviseringar via e-post/ }).check();
  await expect(page.getByText('Aviseringsinställningarna är sparade.').first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole('radio', { name: /Inga aviseringar via e-post/ })).toBeChecked();
});

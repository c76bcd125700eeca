import { addMemberViaApi, createPartnershipViaApi, emailOf } from '../support/accounts.ts';
import { expect, test } from '../support/fixtures.ts';

test('owners create from a template, rename, archive, restore and delete documents; editors cannot delete', async ({
  newPerson,
  server,
  checkAccessibility,
}) => {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const { id } = await createPartnershipViaApi(anna, server.origin);
  await addMemberViaApi(anna, erik, server.origin, id, emailOf(erik), 'editor');

  // Create from a template: the server seeds it once, in the partnership's language.
  await anna.goto(`/p/${id}`);
  await anna.getByRole('button', { name: 'New document' }).click();
  const create = anna.getByRole('dialog', { name: 'New document' });
  await create.getByLabel('Title').fill('Steering group, March');
  await create.getByLabel('Start from').selectOption({ label: 'Steering group notes' });
  await create.getByRole('button', { name: 'Create and open' }).click();
  const editor = anna.getByRole('textbox', { name: 'Document text' });
  await expect(editor.getByRole('heading', { name: 'Steering group meeting notes' })).toBeVisible();
  await expect(editor.getByRole('heading', { name: 'Actions' })).toBeVisible();
  await expect(anna.getByRole('heading', { name: 'Steering group, March', level: 1 })).toBeVisible();

  await anna.goto(`/p/${id}`);
  const list = anna.getByRole('region', { name: 'Documents' });
  const row = list.getByRole('row', { name: /Steering group, March/ });
  await expect(row).toContainText('by Anna Lind');
  await checkAccessibility(anna);

  // Filter by kind.
  await list.getByLabel('Show', { exact: true }).selectOption({ label: 'Canvas' });
  await expect(row).toHaveCount(0);
  await list.getByLabel('Show', { exact: true }).selectOption({ label: 'All kinds' });
  await expect(row).toBeVisible();

  // Rename.
  await row.getByRole('button', { name: 'Actions for Steering group, March' }).click();
  await anna.getByRole('menuitem', { name: 'Rename' }).click();
  const dialog = anna.getByRole('dialog', { name: 'Rename document' });
  await dialog.getByLabel('Title').fill('Steering group, 12 March');
  await dialog.getByRole('button', { name: 'Rename' }).click();
  const renamed = list.getByRole('row', { name: /Steering group, 12 March/ });
  await expect(renamed).toBeVisible();

  // Archive hides it; "show archived" brings it back with a badge; restore.
  await renamed.getByRole('button', { name: /Actions for/ }).click();
  await anna.getByRole('menuitem', { name: 'Archive' }).click();
  await expect(renamed).toHaveCount(0);
  await list.getByLabel('Show archived (1)').check();
  await expect(renamed).toContainText('Archived');
  await renamed.getByRole('button', { name: /Actions for/ }).click();
  await anna.getByRole('menuitem', { name: 'Restore' }).click();
  await expect(list.getByLabel('Show archived (0)')).toBeVisible();

  // An editor sees rename and archive, but no delete.
  await erik.goto(`/p/${id}`);
  const erikRow = erik.getByRole('row', { name: /Steering group, 12 March/ });
  await erikRow.getByRole('button', { name: /Actions for/ }).click();
  await expect(erik.getByRole('menuitem', { name: 'Rename' })).toBeVisible();
  await expect(erik.getByRole('menuitem', { name: 'Delete' })).toHaveCount(0);
  await erik.keyboard.press('Escape');

  // Delete asks first; cancelling keeps the document, confirming removes it for everyone.
  const path = await renamed.getByRole('link').getAttribute('href');
  await renamed.getByRole('button', { name: /Actions for/ }).click();
  await anna.getByRole('menuitem', { name: 'Delete' }).click();
  const confirm = anna.getByRole('alertdialog', { name: 'Delete “Steering group, 12 March”?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(renamed).toBeVisible();
  await renamed.getByRole('button', { name: /Actions for/ }).click();
  await anna.getByRole('menuitem', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(renamed).toHaveCount(0);
  await erik.goto(path as string);
  await expect(erik.getByRole('heading', { name: 'Document not found' })).toBeVisible({ timeout: 2000 });
});

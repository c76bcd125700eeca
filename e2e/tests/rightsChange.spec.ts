import { newTemplateBoard, shareBoard } from '../support/boards.ts';
import { expect, test } from '../support/fixtures.ts';

test('a member whose role changes or who is removed sees it at once in the open canvas', async ({
  newPerson,
  server,
}) => {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const board = await newTemplateBoard(anna, server.origin);
  await shareBoard(anna, server.origin, board, erik, 'editor');
  const partnershipId = board.split('/')[2] as string;

  await erik.goto(board);
  await expect(erik.locator('.tl-canvas')).toBeVisible();
  await expect(erik.getByText('View only')).toHaveCount(0);

  // Anna makes Erik a viewer from the members page.
  await anna.goto(`/p/${partnershipId}/members`);
  await anna.getByLabel('Role of Erik Berg').selectOption('viewer');
  await expect(erik.getByText('View only')).toBeVisible();

  // Then she removes him: his open page says the partnership is out of reach.
  await anna.getByRole('button', { name: 'Remove Erik Berg' }).click();
  await anna.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(anna.getByRole('cell', { name: 'Erik Berg' })).toHaveCount(0);
  await expect(erik.getByText('you are not a member of it')).toBeVisible();
});

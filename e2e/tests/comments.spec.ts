import type { Page } from '@playwright/test';
import { addMemberViaApi, createPartnershipViaApi, emailOf } from '../support/accounts.ts';
import { expect, test } from '../support/fixtures.ts';

/** Types a message into the focused box, picking `mention` from the @ list where `@` stands alone in `before`. */
async function writeWithMention(
  page: Page,
  box: ReturnType<Page['getByRole']>,
  before: string,
  mention: string,
  after: string,
) {
  await box.fill(before);
  await box.pressSequentially(`@${mention.slice(0, 3)}`);
  await page
    .getByRole('listbox', { name: 'Members to mention' })
    .getByRole('option', { name: new RegExp(mention) })
    .click();
  await box.pressSequentially(after);
}

const inboxCount = (page: Page) => page.getByTestId('inbox-unread');

test('a partner commenter comments on a goal mentioning an editor, who sees it live, replies and resolves', async ({
  newPerson,
  server,
  checkAccessibility,
}) => {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const petra = await newPerson('Petra Ek');
  const sara = await newPerson('Sara Holm');
  const { id } = await createPartnershipViaApi(anna, server.origin);
  await addMemberViaApi(anna, erik, server.origin, id, emailOf(erik), 'editor', 'university');
  await addMemberViaApi(anna, petra, server.origin, id, emailOf(petra), 'commenter', 'partner');
  await addMemberViaApi(anna, sara, server.origin, id, emailOf(sara), 'viewer', 'partner');

  await anna.goto(`/p/${id}/goals`);
  const add = anna.getByRole('form', { name: 'Add goal' });
  await add.getByLabel('Title').fill('A joint research school');
  await add.getByRole('button', { name: 'Add goal' }).click();
  await expect(anna.getByTestId('goal-editor')).toBeVisible();

  // Erik (editor A) waits on the partnership home; nothing reloads his page from here on.
  await erik.goto(`/p/${id}`);
  await expect(erik.getByRole('region', { name: 'Open threads' }).getByText('No open threads.')).toBeVisible();
  await expect(inboxCount(erik)).toHaveCount(0);

  // Petra, a partner-side commenter, starts a thread on the goal and mentions Erik.
  await petra.goto(`/p/${id}/goals`);
  await petra.getByRole('button', { name: 'Comment: A joint research school' }).click();
  const drawer = petra.getByRole('complementary', { name: 'Comments' });
  const box = drawer.getByRole('combobox', { name: 'New thread' });
  await writeWithMention(petra, box, 'Could ', 'Erik Berg', 'check the budget line for this goal?');
  await drawer.getByRole('button', { name: 'Post' }).click();
  const petraThread = drawer.locator('.thread-view');
  await expect(petraThread.locator('.comment-mention')).toHaveText('@Erik Berg (University)');
  await expect(petra.getByRole('button', { name: '1 open / 1: A joint research school' })).toBeVisible();

  // Erik: the unread count in the header, the thread on his home page, the mention in his inbox; no reload.
  await expect(inboxCount(erik)).toHaveText('1');
  await expect(erik.getByRole('region', { name: 'Open threads' }).getByText('check the budget line')).toBeVisible();
  await erik.getByTestId('inbox-link').click();
  const item = erik.getByTestId('inbox-item');
  await expect(item).toHaveCount(1);
  await expect(item.getByText('Mention')).toBeVisible();
  await expect(item.locator('.comment-mention')).toHaveText('@Erik Berg (University)');
  await expect(item.getByText('Petra Ek (Partner)')).toBeVisible();
  await checkAccessibility(erik);

  // He opens it at its goal, replies and resolves; opening it marked it read.
  await item.getByRole('link', { name: 'Open thread' }).click();
  await expect(erik).toHaveURL(new RegExp(`/p/${id}/goals`));
  const erikDrawer = erik.getByRole('complementary', { name: 'Comments' });
  await expect(erikDrawer.getByText('Goal: A joint research school')).toBeVisible();
  await expect(inboxCount(erik)).toHaveCount(0);
  await erikDrawer.getByRole('combobox', { name: 'Reply' }).fill('Checked: the budget covers two PhD positions.');
  await erikDrawer.getByRole('button', { name: 'Reply' }).click();
  await expect(erikDrawer.getByText('Checked: the budget covers two PhD positions.')).toBeVisible();
  await erikDrawer.getByRole('button', { name: 'Resolve' }).click();
  await expect(erikDrawer.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await checkAccessibility(erik);

  // Petra sees the reply and the resolved state arrive in her open thread.
  await expect(petraThread.getByText('Checked: the budget covers two PhD positions.')).toBeVisible();
  await expect(petraThread.getByText('Resolved', { exact: true })).toBeVisible();
  await expect(petraThread.getByText(/Resolved by Erik Berg/)).toBeVisible();
  // The thread was hers: she may reopen it (a commenter resolves and reopens only their own).
  await expect(petraThread.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await checkAccessibility(petra);

  // A viewer reads the thread but is offered nothing to post.
  await sara.goto(`/p/${id}/goals`);
  await sara.getByRole('button', { name: '0 open / 1: A joint research school' }).click();
  const saraDrawer = sara.getByRole('complementary', { name: 'Comments' });
  await saraDrawer.getByRole('button', { name: 'All', exact: true }).click();
  await saraDrawer.getByText('check the budget line').click();
  await expect(saraDrawer.getByText('Checked: the budget covers two PhD positions.')).toBeVisible();
  await expect(saraDrawer.getByRole('combobox')).toHaveCount(0);
  await expect(saraDrawer.getByRole('button', { name: /Reopen|Resolve|Edit|Delete/ })).toHaveCount(0);
});

test('threads survive a server restart and the inbox catches up on messages posted while a browser was away', async ({
  newPerson,
  server,
  consoleErrors,
}) => {
  // The browsers' event streams and sockets fail while the server is down or they are offline.
  consoleErrors.allow(/ERR_CONNECTION_REFUSED|ERR_INTERNET_DISCONNECTED|ERR_NETWORK_CHANGED|ERR_FAILED|\/events/);
  consoleErrors.allow(/Failed to load resource|WebSocket/);
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const { id } = await createPartnershipViaApi(anna, server.origin);
  await addMemberViaApi(anna, erik, server.origin, id, emailOf(erik), 'editor', 'university');

  // Erik starts a partnership-level thread; Anna sees it.
  await erik.goto(`/p/${id}`);
  await anna.goto(`/p/${id}`);
  await erik.getByRole('button', { name: 'Comments', exact: true }).click();
  const erikDrawer = erik.getByRole('complementary', { name: 'Comments' });
  await erikDrawer.getByRole('button', { name: 'New thread' }).click();
  await erikDrawer.getByRole('combobox', { name: 'New thread' }).fill('Shall we plan the evaluation workshop?');
  await erikDrawer.getByRole('button', { name: 'Post' }).click();
  await expect(erikDrawer.locator('.thread-view')).toBeVisible();
  await erikDrawer.getByRole('button', { name: 'Close' }).click();
  const annaSlot = anna.getByRole('region', { name: 'Open threads' });
  await expect(annaSlot.getByText('Shall we plan the evaluation workshop?')).toBeVisible();

  // The server dies; Erik's browser loses the network too, so it stays away after the server returns.
  await server.crash();
  await erik.context().setOffline(true);
  await server.launch();

  // Anna replies (mentioning Erik) while Erik is away.
  await annaSlot.getByText('Shall we plan the evaluation workshop?').click();
  const annaDrawer = anna.getByRole('complementary', { name: 'Comments' });
  const reply = annaDrawer.getByRole('combobox', { name: 'Reply' });
  await writeWithMention(anna, reply, 'Yes: ', 'Erik Berg', 'can you book a room in Växjö?');
  await annaDrawer.getByRole('button', { name: 'Reply' }).click();
  await expect(annaDrawer.locator('.message')).toHaveCount(2);
  await expect(inboxCount(erik)).toHaveCount(0);

  // Back online, without a reload, Erik's inbox catches up: a reply in his thread that mentions him.
  await erik.context().setOffline(false);
  await expect(inboxCount(erik)).toHaveText('1', { timeout: 30_000 });
  await expect(erik.getByRole('region', { name: 'Open threads' })).toContainText('1 reply');
  await erik.getByTestId('inbox-link').click();
  await expect(erik.getByTestId('inbox-item').locator('.comment-mention')).toHaveText('@Erik Berg (University)');
  await erik.getByRole('button', { name: 'Mark all read' }).click();
  await expect(inboxCount(erik)).toHaveCount(0);

  // A browser that was never open reads both messages from storage.
  const sara = await newPerson('Sara Holm');
  await addMemberViaApi(anna, sara, server.origin, id, emailOf(sara), 'viewer', 'partner');
  await sara.goto(`/p/${id}`);
  await sara.getByRole('region', { name: 'Open threads' }).getByText('Shall we plan the evaluation workshop?').click();
  const saraDrawer = sara.getByRole('complementary', { name: 'Comments' });
  await expect(saraDrawer.locator('.message')).toHaveCount(2);
  await expect(saraDrawer.getByText('can you book a room in Växjö?')).toBeVisible();
});

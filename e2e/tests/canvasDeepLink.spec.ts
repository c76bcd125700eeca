import { emailOf, TEST_PASSWORD } from '../support/accounts.ts';
import { newTemplateBoard } from '../support/boards.ts';
import { expect, test } from '../support/fixtures.ts';

/*
 * A board's link starts the session, partnership and document-list requests, tldraw's code and
 * the board's socket at boot (App.tsx preloadRouteCode). Signed out, none of that may be asked
 * for (a refused request is a console error, which fails the test), and after signing in the
 * board must open with what the signed-in person may see, not with an answer from before.
 */
test('a board linked while signed out opens after signing in, with no refused request on the way', async ({
  newPerson,
  server,
}) => {
  const anna = await newPerson('Anna Lind');
  const board = await newTemplateBoard(anna, server.origin);
  const sockets: string[] = [];
  anna.on('websocket', (socket) => sockets.push(socket.url()));
  const loggedOut = await anna.context().request.post(`${server.origin}/api/auth/logout`, {
    headers: { origin: server.origin },
  });
  expect(loggedOut.ok()).toBe(true);

  await anna.goto(board);
  await expect(anna).toHaveURL(/\/login\?next=/);
  await anna.getByLabel('Email').fill(emailOf(anna));
  await anna.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
  expect(sockets).toEqual([]);
  await anna.getByRole('button', { name: 'Log in' }).click();

  await expect(anna).toHaveURL(board);
  await expect(anna.locator('.tl-shape[data-shape-type="frame"]')).toHaveCount(12);
  await expect(anna.locator('output.connection[data-state="connected"]')).toBeVisible();
});

import { createDocumentViaApi } from '../support/accounts.ts';
import { newBlankBoard, shareBoard } from '../support/boards.ts';
import { expect, test } from '../support/fixtures.ts';

test('debug two on canvas', async ({ newPerson, server }) => {
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const logs: string[] = [];
  for (const [name, p] of [['anna', anna], ['erik', erik]] as const) {
    p.on('pageerror', (e) => logs.push(`${name} pageerror ${e.message}`));
    p.on('console', (m) => logs.push(`${name} console.${m.type()} ${m.text()}`));
    p.on('websocket', (ws) => {
      logs.push(`${name} ws open ${ws.url()}`);
      ws.on('close', () => logs.push(`${name} ws closed`));
    });
  }
  const CANVAS = await newBlankBoard(anna, server.origin);
  const partnershipId = CANVAS.split('/')[2] as string;
  await createDocumentViaApi(anna, server.origin, partnershipId, 'text', 'Joint strategy');
  await shareBoard(anna, server.origin, CANVAS, erik);
  await anna.goto(CANVAS);
  await erik.goto(CANVAS);
  try {
    await expect(anna.locator('.tl-canvas')).toBeVisible({ timeout: 40000 });
    await expect(erik.locator('.tl-canvas')).toBeVisible({ timeout: 40000 });
  } finally {
    console.log(logs.join('\n'));
  }
});

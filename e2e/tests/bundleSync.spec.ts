import { expect, test } from '@playwright/test';
import { productionEntry, ServerProcess } from '../../server/test/support/serverProcess.ts';
import { connectClient, eventually, synced, type TestClient } from '../../server/test/support/syncClient.ts';
import { createPartnership, createTextDocument, signUp } from '../../server/test/support/testAccounts.ts';

/**
 * The compiled server (`pnpm start`) commits edits in its SQLite writer thread, a second
 * entry of the bundle (dist/sqliteWriterThread.js): an edit relayed between two clients
 * must still be there after a SIGKILL, so the bundled thread started and committed it.
 */
let server: ServerProcess;
const clients: TestClient[] = [];

test.beforeAll(async () => {
  server = await ServerProcess.start({}, { entry: productionEntry });
});
test.afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.stop();
});

test('the production bundle relays an edit only once stored, and keeps it through a SIGKILL', async () => {
  const owner = await signUp(server.origin, 'Bundle Owner');
  const partnership = await createPartnership(owner);
  const documentId = await createTextDocument(owner, partnership.id);
  const headers = { cookie: owner.cookie, origin: server.origin };
  const writer = connectClient(server.origin, documentId, undefined, { headers });
  const reader = connectClient(server.origin, documentId, undefined, { headers });
  clients.push(writer, reader);
  await Promise.all([synced(writer), synced(reader)]);

  for (let i = 0; i < 20; i++) writer.doc.getText('text').insert(0, `${i};`);
  const written = writer.doc.getText('text').toString();
  await eventually(() => reader.doc.getText('text').toString() === written, 'the reader to receive every edit');

  // The writer goes away first: on reconnect it would send its state again and hide a lost write.
  await server.crash();
  writer.destroy();
  reader.destroy();
  await server.launch();
  const fresh = connectClient(server.origin, documentId, undefined, { headers });
  clients.push(fresh);
  await synced(fresh);
  expect(fresh.doc.getText('text').toString()).toBe(written);
  expect(server.log).not.toMatch(/writer thread/i);
});

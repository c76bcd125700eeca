import { CloseCode } from '@samverka/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, eventually, synced } from '../support/syncClient.ts';
import { closeCodeOf, openDataDir, openRaw, startTestServer, type TestServer } from '../support/testServer.ts';

const documentId = 'load-failure-doc';

async function storedRows(dataDir: string) {
  const database = openDataDir(dataDir);
  try {
    const rows = await database.db
      .selectFrom('document_updates')
      .select(['id', 'data'])
      .where('document_id', '=', documentId)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ id: row.id, data: Buffer.from(row.data).toString('hex') }));
  } finally {
    await database.close();
  }
}

describe('a document whose stored log cannot be read', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer();
    const writer = connectClient(t.server.url, documentId);
    await synced(writer);
    writer.doc.getText('t').insert(0, 'precious words');
    const watcher = connectClient(t.server.url, documentId);
    await eventually(() => watcher.doc.getText('t').toString() === 'precious words', 'the edit to be relayed');
    writer.destroy();
    watcher.destroy();
    await t.stop();
    // A row no Yjs decoder accepts, as a torn write or a bad restore would leave.
    const database = openDataDir(t.dataDir);
    await database.db
      .insertInto('document_updates')
      .values({ document_id: documentId, data: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2]), created_at: 0 })
      .execute();
    await database.close();
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('refuses connections with LOAD_FAILED and never writes over the stored rows', async () => {
    const before = await storedRows(t.dataDir);
    expect(before.length).toBeGreaterThanOrEqual(2);
    await t.restart();

    const raw = await openRaw(t.server.url, documentId);
    expect(await closeCodeOf(raw)).toBe(CloseCode.LOAD_FAILED);

    // A real client holding its own edits: it must be turned away, not merged into an empty document.
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'would overwrite');
    const client = connectClient(t.server.url, documentId, doc);
    const codes: number[] = [];
    client.provider.on('connection-close', (event) => {
      if (event) codes.push(event.code);
    });
    await eventually(() => codes.length >= 2, 'two refused connection attempts');
    client.destroy();
    expect(new Set(codes)).toEqual(new Set([CloseCode.LOAD_FAILED]));
    expect(client.provider.synced).toBe(false);

    await t.stop();
    expect(await storedRows(t.dataDir)).toEqual(before);
  });

  it('serves the document again once the bad row is removed, with nothing lost', async () => {
    const database = openDataDir(t.dataDir);
    await database.db.deleteFrom('document_updates').where('created_at', '=', 0).execute();
    await database.close();
    await t.restart();
    const reader = connectClient(t.server.url, documentId);
    await synced(reader);
    expect(reader.doc.getText('t').toString()).toBe('precious words');
    reader.destroy();
  });
});

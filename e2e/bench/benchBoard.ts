import { benchShapeRecord, encodedSize } from '../../client/bench/benchRecords.ts';
import {
  type BoardRecord,
  boardRecords,
  putBoardRecords,
  TEMPLATE_TLDRAW_SCHEMA,
  writeTldrawSchema,
} from '../../packages/model/src/index.ts';
import { connectClient, eventually, synced } from '../../server/test/support/syncClient.ts';
import type { TestAccount } from '../../server/test/support/testAccounts.ts';

/** Columns of the grid the benchmark shapes are laid out in (150 units apart). */
export const GRID_COLUMNS = 50;

/**
 * Fills an empty board with `count` rectangles through a real sync client (as
 * the owner), waits until a second client reads them back from the server, and
 * returns the document's encoded size.
 */
export async function seedBoard(account: TestAccount, documentId: string, count: number): Promise<number> {
  const headers = { cookie: account.cookie, origin: account.origin };
  const seeder = connectClient(account.origin, documentId, undefined, { headers });
  try {
    await synced(seeder);
    const { doc } = seeder;
    // The server created the doc with its meta; the board itself is empty.
    const records: BoardRecord[] = [
      { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} },
      { id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} },
    ];
    for (let n = 0; n < count; n += 1) {
      records.push(benchShapeRecord(n, (n % GRID_COLUMNS) * 150, Math.floor(n / GRID_COLUMNS) * 150));
    }
    doc.transact(() => {
      putBoardRecords(doc, records);
      writeTldrawSchema(doc, TEMPLATE_TLDRAW_SCHEMA);
    });
    const reader = connectClient(account.origin, documentId, undefined, { headers });
    try {
      await synced(reader);
      await eventually(
        () => boardRecords(reader.doc).size === count + 2,
        'the seeded shapes to reach the server',
        60_000,
      );
      return encodedSize(reader.doc);
    } finally {
      reader.destroy();
    }
  } finally {
    seeder.destroy();
  }
}

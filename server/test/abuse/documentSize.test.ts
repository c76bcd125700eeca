import { CloseCode } from '@samverka/model';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import { eventually, synced, type TestClient } from '../support/syncClient.ts';
import { type AbuseSetup, clientOf, memoryOf, startAbuseSetup } from './abuseHarness.ts';

let setup: AbuseSetup | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await setup?.stop();
  setup = undefined;
});

/** The default `SYNC_MAX_DOCUMENT_BYTES` (50 MiB), the limit the issue names: six 8 MB updates fit, a seventh does not. */
const LIMIT = 50 * 1024 * 1024;
const UPDATE_CHARS = 8_000_000;
const UPDATES_THAT_FIT = 6;
/**
 * Peak memory growth allowed while loading and compacting, as a multiple of the stored size:
 * issue 17's bound. Measured on Node 24 (2026-11-27): 2.4× to load and answer a reader,
 * 3.4× at the peak, which is the compaction's write (the state, and SQLite's two copies of it
 * while it binds and stores the row). Before long strings were decoded into V8's heap and
 * joined right after loading, Node 24 measured 4.0× and 4.9× (see `storage/heapStrings.ts`).
 * 2026-11-28: 3.6× to load and at the peak. The baseline is now read after the start-up
 * collection shrank V8's young generation (`startupMemory.ts`), which loading grows back; and the
 * unload compaction's write stays on the main connection (`SqlUpdateLogStore.replaceRows`):
 * handed to the writer thread, which that write would start, the peak was 4.9×.
 */
const MEMORY_FACTOR = 4;

/** 8 MB of text that differs per chunk (one byte per character in UTF-8). */
const chunk = (n: number) => String.fromCharCode(97 + n).repeat(UPDATE_CHARS);

/** Rows and stored bytes of a document's update log, read from the server's SQLite file. */
async function storedLog(dataDir: string, documentId: string): Promise<{ rows: number; bytes: number }> {
  const database = openDatabase({ dataDir });
  try {
    const row = await database.db
      .selectFrom('document_updates')
      .select([sql<number>`count(*)`.as('rows'), sql<number>`coalesce(sum(length(data)), 0)`.as('bytes')])
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    return { rows: Number(row.rows), bytes: Number(row.bytes) };
  } finally {
    await database.close();
  }
}

/**
 * No latency watch here: the test process itself handles four copies of an
 * 8 MB document, so its own probes would measure it rather than the server.
 */
describe('abuse: a document grown without limit', () => {
  it('stops an editor’s 8 MB updates at the size limit; the document still loads and compacts, its peak memory measured', async () => {
    setup = await startAbuseSetup({ SYNC_MAX_DOCUMENT_BYTES: String(LIMIT) });
    const { server, documentId } = setup;
    const grower = clientOf(setup, setup.editor);
    const observer = clientOf(setup, setup.owner);
    clients.push(grower, observer);
    const closes: number[] = [];
    grower.provider.on('connection-close', (event) => closes.push(event?.code ?? -1));
    await Promise.all([synced(grower), synced(observer)]);
    const bulk = () => grower.doc.getText('bulk');
    for (let n = 0; n < UPDATES_THAT_FIT; n++) {
      bulk().insert(bulk().length, chunk(n));
      await eventually(() => observer.doc.getText('bulk').length === (n + 1) * UPDATE_CHARS, `update ${n + 1} stored`);
    }
    bulk().insert(bulk().length, chunk(UPDATES_THAT_FIT));
    await eventually(() => closes.includes(CloseCode.DOCUMENT_TOO_LARGE), 'the DOCUMENT_TOO_LARGE close');
    grower.destroy();
    observer.destroy();

    // A crash leaves the log uncompacted: the next process loads every row, then compacts them at unload.
    await server.crash();
    const before = await storedLog(server.dataDir, documentId);
    expect(before.bytes).toBeGreaterThan(UPDATES_THAT_FIT * UPDATE_CHARS);
    expect(before.bytes).toBeLessThanOrEqual(LIMIT);
    expect(before.rows).toBeGreaterThan(UPDATES_THAT_FIT);
    await server.launch();
    const baseline = memoryOf(server.pid as number).rss;

    const reader = clientOf(setup, setup.viewer);
    clients.push(reader);
    await synced(reader, 60_000);
    expect(reader.doc.getText('bulk').length).toBe(UPDATES_THAT_FIT * UPDATE_CHARS);
    const loadGrowth = memoryOf(server.pid as number).peak - baseline;
    reader.destroy();
    const deadline = Date.now() + 120_000;
    while ((await storedLog(server.dataDir, documentId)).rows !== 1) {
      if (Date.now() > deadline) throw new Error('the unload compaction did not happen');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const peakGrowth = memoryOf(server.pid as number).peak - baseline;
    process.stdout.write(
      `document size ${JSON.stringify({ storedMB: before.bytes / 1e6, rows: before.rows, loadGrowthMB: Math.round(loadGrowth / 1e6), peakGrowthMB: Math.round(peakGrowth / 1e6) })}\n`,
    );
    // Loading holds the doc and one batch of rows, then the answer to the reader; the unload
    // compaction encodes the state from the loaded doc, frees and collects the doc, then SQLite
    // copies the state twice (binding, record). VmHWM is the kernel's record of the highest
    // resident size, so a peak between two samples is counted too.
    expect(peakGrowth, 'peak memory while loading and compacting').toBeLessThan(MEMORY_FACTOR * before.bytes);
  }, 300_000);
});

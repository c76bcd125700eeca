import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrations.ts';
import { appendEvent, eventsAfter, firstKeptEventId, latestEventId, pruneEvents } from './eventLog.ts';

describe('the partnership event log', () => {
  let dataDir: string;
  let database: Database;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-eventlog-'));
    database = openDatabase({ dataDir, databaseUrl: undefined });
    await migrateToLatest(database.db, database.dialect);
    const now = Date.now();
    await database.db
      .insertInto('partnerships')
      .values({
        id: 'p1',
        name: 'P',
        university_name: 'U',
        partner_name: 'A',
        language: 'en',
        start_date: null,
        term_years: null,
        phase: 'exploring',
        created_by: null,
        created_at: now,
        archived_at: null,
      })
      .execute();
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const append = (event: Parameters<typeof appendEvent>[3], recipient?: string) =>
    database.db.transaction().execute((tx) => appendEvent(tx, database.dialect, 'p1', event, recipient ?? null));

  it('keeps read events for their reader, prunes by age, and never reuses an id', async () => {
    const a = await append({ type: 'thread', threadId: 't1' });
    const b = await append({ type: 'read', threadIds: ['t1'] }, 'reader');
    expect(b.id).toBeGreaterThan(a.id);
    expect((await eventsAfter(database.db, 'p1', 0, 'someone', 10)).map((e) => e.id)).toEqual([a.id]);
    expect((await eventsAfter(database.db, 'p1', 0, 'reader', 10)).map((e) => e.event)).toEqual([
      { type: 'thread', threadId: 't1' },
      { type: 'read', threadIds: ['t1'] },
    ]);

    expect(await pruneEvents(database.db, Date.now() + 1)).toBe(2);
    expect(await firstKeptEventId(database.db)).toBe(b.id + 1);
    // Everything is pruned, yet the latest id stays where it was: a client at b resumes without a resync.
    expect(await latestEventId(database.db)).toBe(b.id);
    const c = await append({ type: 'threadDeleted', threadId: 't1' });
    expect(c.id).toBe(b.id + 1);
    expect(await pruneEvents(database.db, 0)).toBe(0);
    expect(await firstKeptEventId(database.db)).toBe(b.id + 1);
  });
});

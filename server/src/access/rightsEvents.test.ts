import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrations.ts';
import { affects, commitThenPublish, InProcessRightsBus, type RightsChanged } from './rightsEvents.ts';

describe('rights changes are published once, after commit (real SQLite)', () => {
  let dir: string;
  let database: Database;
  let bus: InProcessRightsBus;
  let seen: { event: RightsChanged; nameAsCommitted: string | undefined }[];
  let reader: SqliteDatabase.Database;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-rights-'));
    database = openDatabase({ dataDir: dir });
    await migrateToLatest(database.db, database.dialect);
    await database.db
      .insertInto('users')
      .values({ id: 'u1', email: 'u1@example.org', name: 'before', password_hash: 'x', created_at: 0 })
      .execute();
    // A second connection sees only what is committed: the listener reads through it, synchronously.
    reader = new SqliteDatabase(path.join(dir, 'samverka.db'), { readonly: true });
    bus = new InProcessRightsBus();
    seen = [];
    bus.subscribe((event) => {
      const row = reader.prepare('SELECT name FROM users WHERE id = ?').get('u1') as { name: string } | undefined;
      seen.push({ event, nameAsCommitted: row?.name });
    });
  });
  afterEach(async () => {
    reader.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const rename = (name: string) => (tx: Parameters<Parameters<typeof commitThenPublish>[2]>[0]) =>
    tx.updateTable('users').set({ name }).where('id', '=', 'u1').execute();

  it('publishes exactly one event, and only once the change is visible to others', async () => {
    await commitThenPublish(database.db, bus, async (tx) => {
      await rename('after')(tx);
      return { result: undefined, change: { reason: 'passwordChanged', userId: 'u1' } };
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.event.reason).toBe('passwordChanged');
    expect(seen[0]?.nameAsCommitted).toBe('after');
  });

  it('publishes nothing when the transaction rolls back', async () => {
    await expect(
      commitThenPublish(database.db, bus, async (tx) => {
        await rename('rolled back')(tx);
        throw new Error('last owner');
      }),
    ).rejects.toThrow('last owner');
    expect(seen).toEqual([]);
    expect((reader.prepare('SELECT name FROM users').get() as { name: string }).name).toBe('before');
  });

  it('reaches the person in that partnership, everyone in an archived one, and a person everywhere on sign-out', () => {
    const anna = { userId: 'anna', partnershipId: 'p1' };
    const erikElsewhere = { userId: 'erik', partnershipId: 'p2' };
    expect(affects({ reason: 'roleChanged', partnershipId: 'p1', userId: 'anna' }, anna)).toBe(true);
    expect(affects({ reason: 'roleChanged', partnershipId: 'p2', userId: 'anna' }, anna)).toBe(false);
    expect(affects({ reason: 'archived', partnershipId: 'p1' }, anna)).toBe(true);
    expect(affects({ reason: 'archived', partnershipId: 'p1' }, erikElsewhere)).toBe(false);
    expect(affects({ reason: 'signedOut', userId: 'erik' }, erikElsewhere)).toBe(true);
    expect(affects({ reason: 'invitationRevoked', partnershipId: 'p1', invitationId: 'i1' }, anna)).toBe(false);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/storage/database.ts';
import { migrateToLatest } from '../../src/storage/migrations.ts';
import { SqlUpdateLogStore } from '../../src/storage/sqlUpdateLogStore.ts';
import { describeUpdateLogStoreContract } from './updateLogStore.contract.ts';

describeUpdateLogStoreContract('SQLite file', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-store-'));
  let database = openDatabase({ dataDir });
  await migrateToLatest(database.db, database.dialect);
  return {
    store: new SqlUpdateLogStore(database.db, database.dialect),
    async reopen() {
      await database.close();
      database = openDatabase({ dataDir });
      await migrateToLatest(database.db, database.dialect);
      return new SqlUpdateLogStore(database.db, database.dialect);
    },
    async dispose() {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
});

describeUpdateLogStoreContract('SQLite file, writes in the writer thread', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-store-'));
  let database = openDatabase({ dataDir });
  await migrateToLatest(database.db, database.dialect);
  return {
    store: new SqlUpdateLogStore(database.db, database.dialect, database.updateLogWriter),
    async reopen() {
      await database.close();
      database = openDatabase({ dataDir });
      await migrateToLatest(database.db, database.dialect);
      return new SqlUpdateLogStore(database.db, database.dialect, database.updateLogWriter);
    },
    async dispose() {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
});

import { describe, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import { migrateToLatest } from '../../src/storage/migrations.ts';
import { SqlUpdateLogStore } from '../../src/storage/sqlUpdateLogStore.ts';
import { createTestSchema, howToStartPostgres, postgresReachable } from '../support/postgres.ts';
import { describeUpdateLogStoreContract } from './updateLogStore.contract.ts';

if (await postgresReachable()) {
  describeUpdateLogStoreContract('PostgreSQL', async () => {
    // A schema per test keeps runs (and parallel CI jobs) from seeing each other's rows.
    const schema = await createTestSchema('contract');
    const open = () => openDatabase({ dataDir: '/nonexistent', databaseUrl: schema.url });
    let database = open();
    try {
      await migrateToLatest(database.db, database.dialect);
    } catch (error) {
      await database.close();
      await schema.drop();
      throw error;
    }
    return {
      store: new SqlUpdateLogStore(database.db, database.dialect),
      async reopen() {
        await database.close();
        database = open();
        await migrateToLatest(database.db, database.dialect);
        return new SqlUpdateLogStore(database.db, database.dialect);
      },
      async dispose() {
        await database.close();
        await schema.drop();
      },
    };
  });
} else {
  // PostgreSQL is part of the test environment (`.ci/run` starts it): without it this suite fails, never skips.
  describe('UpdateLogStore contract: PostgreSQL', () => {
    it('needs a reachable PostgreSQL', () => {
      throw new Error(howToStartPostgres);
    });
  });
}

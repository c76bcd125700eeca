import { describe, it } from 'vitest';
import { createTestSchema, howToStartPostgres, postgresReachable } from '../../test/support/postgres.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrations.ts';
import { SqlUpdateLogStore } from './sqlUpdateLogStore.ts';
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
} else if (process.env.CI) {
  describe('UpdateLogStore contract: PostgreSQL', () => {
    it('needs a reachable PostgreSQL in CI', () => {
      throw new Error(howToStartPostgres);
    });
  });
} else {
  console.warn(`Skipping the PostgreSQL storage contract: ${howToStartPostgres}`);
  describe.skip(`UpdateLogStore contract: PostgreSQL (skipped: ${howToStartPostgres})`, () => {
    it('runs when PostgreSQL is reachable', () => {});
  });
}

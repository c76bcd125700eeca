import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrations.ts';
import { SqlUpdateLogStore } from './sqlUpdateLogStore.ts';
import { describeUpdateLogStoreContract } from './updateLogStore.contract.ts';

const baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const howToStart =
  `PostgreSQL is not reachable at ${baseUrl}. Start it (e.g. \`sudo service postgresql start\`, ` +
  'or run .ci/run, which starts it) or point TEST_DATABASE_URL at one.';

/** Runs one statement on the server itself, outside any test schema. */
async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The URL with a search_path, so every pooled connection works inside `schema`. */
function urlInSchema(schema: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

const reachable = await admin('select 1').then(
  () => true,
  () => false,
);

if (reachable) {
  describeUpdateLogStoreContract('PostgreSQL', async () => {
    // A schema per test keeps runs (and parallel CI jobs) from seeing each other's rows.
    const schema = `contract_${randomUUID().replaceAll('-', '')}`;
    await admin(`create schema ${schema}`);
    const databaseUrl = urlInSchema(schema);
    let database = openDatabase({ dataDir: '/nonexistent', databaseUrl });
    try {
      await migrateToLatest(database.db, database.dialect);
    } catch (error) {
      await database.close();
      await admin(`drop schema ${schema} cascade`);
      throw error;
    }
    return {
      store: new SqlUpdateLogStore(database.db, database.dialect),
      async reopen() {
        await database.close();
        database = openDatabase({ dataDir: '/nonexistent', databaseUrl });
        await migrateToLatest(database.db, database.dialect);
        return new SqlUpdateLogStore(database.db, database.dialect);
      },
      async dispose() {
        await database.close();
        await admin(`drop schema ${schema} cascade`);
      },
    };
  });
} else if (process.env.CI) {
  describe('UpdateLogStore contract: PostgreSQL', () => {
    it('needs a reachable PostgreSQL in CI', () => {
      throw new Error(howToStart);
    });
  });
} else {
  console.warn(`Skipping the PostgreSQL storage contract: ${howToStart}`);
  describe.skip(`UpdateLogStore contract: PostgreSQL (skipped: ${howToStart})`, () => {
    it('runs when PostgreSQL is reachable', () => {});
  });
}

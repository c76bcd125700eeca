import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL tests use; CI's .ci/run starts one at the default address. */
export const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const howToStartPostgres =
  `PostgreSQL is not reachable at ${postgresUrl}. Start it (e.g. \`sudo service postgresql start\`, ` +
  'or run .ci/run, which starts it) or point TEST_DATABASE_URL at one.';

/** Runs one statement on the server itself, outside any test schema. */
export async function postgresAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Whether PostgreSQL answers at all (decides run, fail in CI, or skip on a laptop). */
export function postgresReachable(): Promise<boolean> {
  return postgresAdmin('select 1').then(
    () => true,
    () => false,
  );
}

/**
 * A fresh schema and a URL whose every pooled connection works inside it
 * (search_path), so test runs never see each other's rows. `drop()` removes it.
 */
export async function createTestSchema(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${randomUUID().replaceAll('-', '')}`;
  await postgresAdmin(`create schema ${schema}`);
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), drop: () => postgresAdmin(`drop schema ${schema} cascade`) };
}

/**
 * A fresh database of its own (for suites whose server processes run migrations
 * and must not meet another suite's rows, schema search paths or locks). `drop()` removes it.
 */
export async function createTestDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomUUID().replaceAll('-', '')}`;
  await postgresAdmin(`create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => postgresAdmin(`drop database if exists ${name} with (force)`) };
}

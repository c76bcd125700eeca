import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { sqliteFile } from '../storage/database.ts';

/** Where a backup is taken from and restored into: DATA_DIR (SQLite) or DATABASE_URL (PostgreSQL). */
export interface BackupSource {
  dataDir: string;
  databaseUrl: string | undefined;
}

export class BackupError extends Error {
  override name = 'BackupError';
}

/**
 * Writes a consistent copy of the whole database to `target` while the server
 * keeps running. SQLite: the online backup API through a second connection (WAL
 * lets the server go on writing; the copy is the state of one moment). PostgreSQL:
 * `pg_dump` in its custom format, also one consistent snapshot. Every edit the
 * server relayed before the backup started was committed first, so it is in the copy.
 */
export async function backup(source: BackupSource, target: string): Promise<void> {
  if (fs.existsSync(target)) throw new BackupError(`${target} exists; choose a new file name`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  if (source.databaseUrl) {
    await run('pg_dump', ['--format=custom', `--file=${target}`, '--no-owner'], libpqEnvironment(source.databaseUrl));
    return;
  }
  const file = sqliteFile(source.dataDir);
  if (!fs.existsSync(file)) throw new BackupError(`no database at ${file}`);
  const sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    await sqlite.backup(target);
  } finally {
    sqlite.close();
  }
}

/**
 * Restores a backup into an EMPTY place (a data directory without a database, or
 * a PostgreSQL database without tables): restoring over live data is refused, so
 * a mistyped command cannot destroy anything. The server's migrations then bring
 * an older backup up to date at its next start.
 */
export async function restore(source: BackupSource, backupFile: string): Promise<void> {
  if (!fs.existsSync(backupFile)) throw new BackupError(`no backup at ${backupFile}`);
  if (source.databaseUrl) {
    await assertEmptyPostgres(source.databaseUrl);
    const env = libpqEnvironment(source.databaseUrl);
    await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${env.PGDATABASE}`, backupFile], env);
    return;
  }
  const file = sqliteFile(source.dataDir);
  if (fs.existsSync(file)) throw new BackupError(`${file} exists; restore into a data directory without a database`);
  assertIntactSqlite(backupFile);
  fs.mkdirSync(source.dataDir, { recursive: true });
  // Copied beside the target and renamed, so a crash never leaves half a database in its place.
  const partial = `${file}.restoring`;
  fs.copyFileSync(backupFile, partial);
  fs.renameSync(partial, file);
}

function assertIntactSqlite(file: string): void {
  let sqlite: SqliteDatabase.Database | undefined;
  try {
    sqlite = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const result = sqlite.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new BackupError(`${file} is damaged: ${String(result)}`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} is not a SQLite backup: ${(error as Error).message}`);
  } finally {
    sqlite?.close();
  }
}

async function assertEmptyPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      "select count(*) from information_schema.tables where table_schema = 'public'",
    );
    if (Number(rows[0]?.count ?? 0) > 0) throw new BackupError('the database has tables; restore into an empty one');
  } finally {
    await client.end();
  }
}

/**
 * The connection as libpq's environment variables, so the password never
 * appears on a command line (where `ps` would show it to every local user).
 */
function libpqEnvironment(url: string): Record<string, string> {
  const parsed = new URL(url);
  const env: Record<string, string> = { PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)) || 'postgres' };
  if (parsed.hostname) env.PGHOST = parsed.hostname.replace(/^\[|\]$/g, '');
  if (parsed.port) env.PGPORT = parsed.port;
  if (parsed.username) env.PGUSER = decodeURIComponent(parsed.username);
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  const sslmode = parsed.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  const options = parsed.searchParams.get('options');
  if (options) env.PGOPTIONS = options;
  return env;
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error) => reject(new BackupError(`${command} could not start: ${error.message}`)));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

import path from 'node:path';
import { openDatabase } from '../../src/storage/database.ts';
import { migrateToLatest } from '../../src/storage/migrations.ts';
import { SqlUpdateLogStore } from '../../src/storage/sqlUpdateLogStore.ts';
import { spawnTracked, stopChild } from '../servers/childProcesses.ts';
import type { Timed } from './coldLoad.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** Opens our SQLite store in `dataDir` (migrated), runs `use`, closes it. */
export async function withStore<T>(dataDir: string, use: (store: SqlUpdateLogStore) => Promise<T>): Promise<T> {
  const database = openDatabase({ dataDir });
  try {
    await migrateToLatest(database.db, database.dialect);
    return await use(new SqlUpdateLogStore(database.db));
  } finally {
    await database.close();
  }
}

/** Runs SqlUpdateLogStore.compact in a child process, killed after `timeoutMs`. */
export function compactInChild(dataDir: string, documentId: string, timeoutMs: number): Promise<Timed> {
  return runTimedChild(
    'server/bench/scenarios/compactLogChild.ts',
    { DATA_DIR: dataDir, DOCUMENT_ID: documentId },
    timeoutMs,
  );
}

/** Runs a child entry that prints {"ms"} as its last line; killed after `timeoutMs`. */
export async function runTimedChild(entry: string, env: Record<string, string>, timeoutMs: number): Promise<Timed> {
  const started = performance.now();
  const { child, output } = spawnTracked(['--import', 'tsx', entry], { cwd: repoRoot, env });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
  const outcome = await Promise.race([exited, timer]);
  if (outcome === 'timeout') {
    await stopChild(child, true);
    return { failed: `did not finish within ${timeoutMs / 1000} s (killed)` };
  }
  if (outcome !== 0) return { failed: `exited ${outcome}: ${output().slice(-300)}` };
  const line = output().trim().split('\n').pop() ?? '';
  try {
    return { ms: (JSON.parse(line) as { ms: number }).ms };
  } catch {
    return { ms: performance.now() - started };
  }
}

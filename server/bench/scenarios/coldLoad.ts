import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { openDatabase } from '../../src/storage/database.ts';
import { migrateToLatest } from '../../src/storage/migrations.ts';
import { SqlUpdateLogStore } from '../../src/storage/sqlUpdateLogStore.ts';
import type { BenchConfig } from '../benchConfig.ts';
import { BenchClient } from '../harness/benchClient.ts';
import { median } from '../harness/stats.ts';
import { type BenchServer, freshDataDir, startBenchServer } from '../servers/benchServer.ts';
import { HOCUSPOCUS_DB_FILE, openHocuspocusDb, putHocuspocusState } from '../servers/hocuspocusStore.ts';
import { type ReplayedTrace, TRACE_TEXT } from '../trace/editingTrace.ts';

const DOCUMENT_ID = 'cold-trace';

export interface OursColdLoad {
  rowsBefore: number;
  /** Time until a new client is synced with the 1-row-per-edit log. */
  uncompactedMs: number;
  /** How long SqlUpdateLogStore.compact took. */
  compactMs: number;
  /** Time until a new client is synced after compaction (one state row). */
  compactedMs: number;
  /** Time spent appending the log before the server started (setup, not measured). */
  appendMs: number;
}

/** The in-process floor: median of `Y.applyUpdate` of the whole state into a fresh doc. */
export function coldLoadFloorMs(trace: ReplayedTrace): number {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, trace.state);
    runs.push(performance.now() - started);
    if (doc.getText(TRACE_TEXT).toString() !== trace.text) throw new Error('floor replay mismatch');
    doc.destroy();
  }
  return median(runs);
}

/**
 * d (ours). Appends every per-edit update into the SQLite log through
 * SqlUpdateLogStore before starting the server, then times a new client's
 * sync; then compacts the log with the server stopped and times it again.
 */
export async function runOursColdLoad(
  trace: ReplayedTrace,
  config: BenchConfig['coldLoad'],
  log: (line: string) => void,
): Promise<OursColdLoad> {
  const dataDir = freshDataDir('ours');
  let server: BenchServer | undefined;
  try {
    const appendStarted = performance.now();
    const rowsBefore = await withStore(dataDir, async (store) => {
      for (let i = 0; i < trace.updates.length; i += config.appendBatch) {
        const batch = trace.updates.slice(i, i + config.appendBatch);
        await store.appendUpdates(batch.map((update) => ({ documentId: DOCUMENT_ID, update })));
      }
      return store.countUpdates(DOCUMENT_ID);
    });
    const appendMs = performance.now() - appendStarted;
    log(`  appended ${rowsBefore} rows in ${(appendMs / 1000).toFixed(1)} s`);

    server = await startBenchServer('ours', dataDir);
    const uncompactedMs = await timeSync(server, trace);
    // SIGKILL: a graceful stop would compact on unload, and we time compaction ourselves.
    await server.stop({ hard: true, keepData: true });
    server = undefined;

    const compactStarted = performance.now();
    await withStore(dataDir, (store) => store.compact(DOCUMENT_ID));
    const compactMs = performance.now() - compactStarted;

    server = await startBenchServer('ours', dataDir);
    const compactedMs = await timeSync(server, trace);
    return { rowsBefore, uncompactedMs, compactMs, compactedMs, appendMs };
  } finally {
    if (server) await server.stop();
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** d (Hocuspocus). Its stored state blob holds the whole trace; times a new client's sync. */
export async function runHocuspocusColdLoad(trace: ReplayedTrace): Promise<number> {
  const dataDir = freshDataDir('hocuspocus');
  const db = openHocuspocusDb(path.join(dataDir, HOCUSPOCUS_DB_FILE));
  putHocuspocusState(db, DOCUMENT_ID, trace.state);
  db.close();
  const server = await startBenchServer('hocuspocus', dataDir);
  try {
    return await timeSync(server, trace);
  } finally {
    await server.stop();
  }
}

/** Connects a new client with its own Y.Doc; time from opening the socket to holding the text. */
async function timeSync(server: BenchServer, trace: ReplayedTrace): Promise<number> {
  const doc = new Y.Doc();
  const started = performance.now();
  const client = await BenchClient.connect(server, DOCUMENT_ID, { doc, timeoutMs: 120_000 });
  const elapsed = performance.now() - started;
  client.close();
  const text = doc.getText(TRACE_TEXT).toString();
  if (text !== trace.text) throw new Error(`synced text differs (${text.length} vs ${trace.text.length} chars)`);
  return elapsed;
}

async function withStore<T>(dataDir: string, use: (store: SqlUpdateLogStore) => Promise<T>): Promise<T> {
  const database = openDatabase({ dataDir });
  try {
    await migrateToLatest(database.db, database.dialect);
    return await use(new SqlUpdateLogStore(database.db));
  } finally {
    await database.close();
  }
}

import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import type { BenchConfig } from '../benchConfig.ts';
import { BenchClient } from '../harness/benchClient.ts';
import { median, sleep } from '../harness/stats.ts';
import { type BenchServer, freshDataDir, startBenchServer } from '../servers/benchServer.ts';
import { HOCUSPOCUS_DB_FILE, openHocuspocusDb, putHocuspocusState } from '../servers/hocuspocusStore.ts';
import { type ReplayedTrace, TRACE_TEXT } from '../trace/editingTrace.ts';
import { compactInChild, withStore } from './oursStorage.ts';

const DOCUMENT_ID = 'cold-trace';

/** A timed sync, or why there is none. */
export type Timed = { ms: number; serverLoadMs?: number } | { failed: string };

export interface OursColdLoad {
  rowsBefore: number;
  appendMs: number;
  /** A new client's sync against the one-row-per-edit log. */
  uncompacted: Timed;
  /** SqlUpdateLogStore.compact in a child process (bounded). */
  compaction: Timed;
  /** A new client's sync against the compacted log (one state row). */
  compacted: Timed;
  /** True when compact() did not finish in time and the state row was written directly instead. */
  compactedByFallback: boolean;
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
    log(
      `  appended ${rowsBefore} rows in ${(appendMs / 1000).toFixed(1)} s; timing a new client (limit ${config.syncTimeoutMs / 1000} s)`,
    );

    const uncompacted = await timeOnFreshServer('ours', dataDir, trace, config.syncTimeoutMs);
    log(`  uncompacted: ${describe(uncompacted)}; compacting (limit ${config.compactTimeoutMs / 1000} s)`);

    const compaction = await compactInChild(dataDir, DOCUMENT_ID, config.compactTimeoutMs);
    let compactedByFallback = false;
    let compactedDir = dataDir;
    if ('failed' in compaction) {
      // compact() did not finish: store the same state as one row in a fresh log,
      // which is what a finished compaction leaves, so the compacted load is still measured.
      compactedByFallback = true;
      compactedDir = freshDataDir('ours');
      await withStore(compactedDir, (store) => store.appendUpdates([{ documentId: DOCUMENT_ID, update: trace.state }]));
    }
    log(`  compaction: ${describe(compaction)}${compactedByFallback ? ' (state row written directly instead)' : ''}`);
    const compacted = await timeOnFreshServer('ours', compactedDir, trace, config.syncTimeoutMs);
    if (compactedDir !== dataDir) fs.rmSync(compactedDir, { recursive: true, force: true });
    return { rowsBefore, appendMs, uncompacted, compaction, compacted, compactedByFallback };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** d (Hocuspocus). Its stored state blob holds the whole trace; times a new client's sync. */
export async function runHocuspocusColdLoad(trace: ReplayedTrace, timeoutMs: number): Promise<Timed> {
  const dataDir = freshDataDir('hocuspocus');
  try {
    const db = openHocuspocusDb(path.join(dataDir, HOCUSPOCUS_DB_FILE));
    putHocuspocusState(db, DOCUMENT_ID, trace.state);
    db.close();
    return await timeOnFreshServer('hocuspocus', dataDir, trace, timeoutMs);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function describe(timed: Timed): string {
  return 'ms' in timed ? `${timed.ms.toFixed(0)} ms` : timed.failed;
}

/**
 * Starts a server on `dataDir`, warms it with a tiny document (so JIT warm-up
 * of the process is not counted), then times a new client's sync of the trace
 * document. Ours logs at debug level so its own "room loaded" time is read too.
 */
async function timeOnFreshServer(
  kind: 'ours' | 'hocuspocus',
  dataDir: string,
  trace: ReplayedTrace,
  timeoutMs: number,
): Promise<Timed> {
  let server: BenchServer | undefined;
  try {
    server = await startBenchServer(kind, dataDir, kind === 'ours' ? { LOG_LEVEL: 'debug' } : {});
    const warm = await BenchClient.connect(server, 'warmup', { doc: new Y.Doc() });
    warm.close();
    const doc = new Y.Doc();
    const started = performance.now();
    const client = await BenchClient.connect(server, DOCUMENT_ID, { doc, timeoutMs });
    const ms = performance.now() - started;
    client.close();
    const text = doc.getText(TRACE_TEXT).toString();
    if (text !== trace.text) return { failed: `synced text differs (${text.length} vs ${trace.text.length} chars)` };
    // The child's log reaches us through a pipe, a little after the sync itself.
    let serverLoadMs = roomLoadedMs(server.output());
    for (let i = 0; i < 30 && serverLoadMs === undefined; i++) {
      await sleep(100);
      serverLoadMs = roomLoadedMs(server.output());
    }
    return { ms, serverLoadMs };
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  } finally {
    // SIGKILL: a graceful stop would flush and compact on unload (or hang behind a long load).
    await server?.stop({ hard: true, keepData: true });
  }
}

/** Our server's own load time of the trace document, from its debug log ("room loaded", ms). */
function roomLoadedMs(output: string): number | undefined {
  for (const line of output.split('\n')) {
    if (!line.includes('room loaded') || !line.includes(DOCUMENT_ID)) continue;
    try {
      const ms = (JSON.parse(line) as { ms?: unknown }).ms;
      if (typeof ms === 'number') return ms;
    } catch {
      // not a JSON line
    }
  }
  return undefined;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchConfig } from './benchConfig.ts';
import { emptyRow, type ResultRow } from './report/results.ts';
import { coldLoadFloorMs, runHocuspocusColdLoad, runOursColdLoad, type Timed } from './scenarios/coldLoad.ts';
import { runTimedChild } from './scenarios/oursStorage.ts';
import { mergeScaling, type ReplayedTrace } from './trace/editingTrace.ts';

export interface ColdLoadOutcome {
  rows: ResultRow[];
  notes: string[];
  compactedMs: number | undefined;
  /** A new client's sync of the compacted log (ours) and of the stored state blob (Hocuspocus). */
  compactedRow: ResultRow;
  floorMs: number;
  serverLoadMs: number | undefined;
}

/** The state applied once in a new Node process: the floor without a warm JIT. */
async function applyInFreshProcess(state: Uint8Array): Promise<Timed> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-bench-state-')), 'state.bin');
  fs.writeFileSync(file, state);
  try {
    return await runTimedChild('server/bench/trace/applyOnceChild.ts', { STATE_FILE: file }, 60_000);
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

const cellOf = (timed: Timed) => ('ms' in timed ? { value: timed.ms } : { failed: timed.failed });

/** d. Cold load rows: ours before/after compaction, Hocuspocus's state blob, the in-process floor. */
export async function runColdLoadScenario(
  config: BenchConfig,
  trace: ReplayedTrace,
  log: (line: string) => void,
): Promise<ColdLoadOutcome> {
  const notes: string[] = [];
  const count = trace.updates.length.toLocaleString('en-US');
  const uncompacted = emptyRow(`d. cold load, log of ${count} rows`, 'ms', 'lower', 'no update log');
  const compacted = emptyRow('d. cold load, compacted log / stored state blob', 'ms', 'lower');
  const serverLoad = emptyRow(
    'd. ours: room load inside the server (its debug log), before / after compaction',
    'ms',
    'none',
    '—',
  );
  const compaction = emptyRow(`d. SqlUpdateLogStore.compact of ${count} rows`, 'ms', 'none', 'no update log');
  const floor = emptyRow('d. floor: Y.applyUpdate of the state in one process', 'ms', 'none', 'see ours column');
  for (const row of [uncompacted, compacted, compaction]) row.cells['y-websocket-server'] = { na: 'no persistence' };

  const floorMs = coldLoadFloorMs(trace);
  floor.cells.ours = { value: floorMs };
  const freshFloor = emptyRow(
    'd. context: first Y.applyUpdate of the state in a fresh process',
    'ms',
    'none',
    'see ours column',
  );
  freshFloor.cells.ours = cellOf(await applyInFreshProcess(trace.state));
  let compactedMs: number | undefined;
  let serverLoadMs: number | undefined;
  if (config.servers.includes('ours')) {
    const ours = await runOursColdLoad(trace, config.coldLoad, log).catch((error: unknown) => {
      // Setup failed (e.g. the storage API changed): mark ours failed, keep the run going.
      const failed = { failed: error instanceof Error ? error.message : String(error) };
      log(`  ours: FAILED: ${failed.failed.slice(0, 300)}`);
      return {
        rowsBefore: 0,
        appendMs: 0,
        uncompacted: failed,
        compaction: failed,
        compacted: failed,
        compactedByFallback: false,
      };
    });
    uncompacted.cells.ours = cellOf(ours.uncompacted);
    compacted.cells.ours = cellOf(ours.compacted);
    compaction.cells.ours = cellOf(ours.compaction);
    if ('ms' in ours.compacted) {
      compactedMs = ours.compacted.ms;
      compacted.note = `ours/floor ${(ours.compacted.ms / floorMs).toFixed(2)}×`;
    }
    if ('ms' in ours.uncompacted) uncompacted.note = `ours/floor ${(ours.uncompacted.ms / floorMs).toFixed(1)}×`;
    const before = 'ms' in ours.uncompacted ? ours.uncompacted.serverLoadMs : undefined;
    const after = 'ms' in ours.compacted ? ours.compacted.serverLoadMs : undefined;
    if (after !== undefined) serverLoad.cells.ours = { value: after };
    serverLoadMs = after;
    serverLoad.note = `before compaction: ${before === undefined ? 'not logged / not finished' : `${before} ms`}; after (shown): ${after ?? '?'} ms`;
    notes.push(
      `d: ${ours.rowsBefore} rows appended through SqlUpdateLogStore.appendUpdates in ${(ours.appendMs / 1000).toFixed(1)} s (setup, not timed).`,
    );
    if (ours.compactedByFallback) {
      notes.push(
        'd: SqlUpdateLogStore.compact did not finish within its time limit, so the "compacted" figure loads the same state written as one row directly (what a finished compaction leaves).',
      );
    }
  }
  if (config.servers.includes('hocuspocus')) {
    const hocuspocus = await runHocuspocusColdLoad(trace, config.coldLoad.syncTimeoutMs).catch(
      (error: unknown): Timed => ({ failed: error instanceof Error ? error.message : String(error) }),
    );
    compacted.cells.hocuspocus = cellOf(hocuspocus);
  }
  log('  Y.mergeUpdates scaling (in-process, for the diagnosis)');
  const scaling = mergeScaling(trace, config.quick ? [1250, 2500, 5000] : [2500, 5000, 10_000]);
  for (const line of scaling) log(`    ${line}`);
  notes.push(`d: Y.mergeUpdates scaling on this trace: ${scaling.join('; ')}.`);
  return {
    rows: [uncompacted, compacted, serverLoad, compaction, floor, freshFloor],
    notes,
    compactedMs,
    compactedRow: compacted,
    floorMs,
    serverLoadMs,
  };
}

import type { BenchConfig } from './benchConfig.ts';
import { type Cell, emptyRow, type ResultRow } from './report/results.ts';
import type { TargetInputs } from './report/targets.ts';
import { coldLoadFloorMs, runHocuspocusColdLoad, runOursColdLoad } from './scenarios/coldLoad.ts';
import { runFanOutLatency } from './scenarios/fanOutLatency.ts';
import { runIdleMemory } from './scenarios/idleMemory.ts';
import { runThroughput } from './scenarios/throughput.ts';
import { SERVER_KINDS, type ServerKind } from './servers/serverKinds.ts';
import { AUTOMERGE_PAPER_TRACE, replayTrace, stateOfSize } from './trace/editingTrace.ts';

export interface ScenarioOutcome {
  rows: ResultRow[];
  notes: string[];
  targetInputs: TargetInputs;
}

type Log = (line: string) => void;

/**
 * Runs one server's part of a scenario; a failure (peer did not start, timed
 * out, …) marks that server's cells failed instead of ending the run.
 */
async function measure<T>(
  kind: ServerKind,
  rows: ResultRow[],
  log: Log,
  run: () => Promise<T>,
  fill: (result: T) => void,
): Promise<void> {
  const started = Date.now();
  try {
    fill(await run());
    log(`  ${kind}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`  ${kind}: FAILED: ${reason.slice(0, 300)}`);
    for (const row of rows) row.cells[kind] = { failed: reason };
  }
}

const value = (v: number): Cell => ({ value: v });

/** Runs scenarios a–d against every server, in order, and collects the table rows. */
export async function runScenarios(config: BenchConfig, log: Log): Promise<ScenarioOutcome> {
  const notes: string[] = [];

  log('a. fan-out latency');
  const p50 = emptyRow('a. fan-out latency p50', 'ms', 'lower');
  const p99 = emptyRow('a. fan-out latency p99', 'ms', 'lower');
  const lost = emptyRow('a. deliveries missing after drain', 'count', 'lower');
  for (const kind of SERVER_KINDS) {
    await measure(
      kind,
      [p50, p99, lost],
      log,
      () => runFanOutLatency(kind, config.fanOut, log),
      (r) => {
        p50.cells[kind] = value(r.p50Ms);
        p99.cells[kind] = value(r.p99Ms);
        lost.cells[kind] = value(r.lost);
      },
    );
  }

  log('b. throughput');
  const deliveries = emptyRow('b. throughput: deliveries/s at receivers', 'per s', 'higher');
  const completed = emptyRow('b. updates/s fully relayed to all room peers', 'per s', 'higher');
  const cpu = emptyRow('b. server CPU during b', '% of a core', 'none');
  const perCpu = emptyRow('b. deliveries per server CPU-second', 'per CPU-s', 'higher');
  for (const kind of SERVER_KINDS) {
    await measure(
      kind,
      [deliveries, completed, cpu, perCpu],
      log,
      () => runThroughput(kind, config.throughput, log),
      (r) => {
        deliveries.cells[kind] = value(r.deliveriesPerSecond);
        completed.cells[kind] = value(r.updatesPerSecond);
        cpu.cells[kind] = value(r.serverCpuPercent);
        perCpu.cells[kind] = value(r.deliveriesPerSecond / Math.max(r.serverCpuPercent / 100, 0.01));
      },
    );
  }

  log(`replaying ${config.coldLoad.edits} edits of the automerge-paper trace`);
  const trace = replayTrace(AUTOMERGE_PAPER_TRACE, config.coldLoad.edits);
  const content = stateOfSize(trace, config.memory.documentBytes);
  log(
    `  ${trace.updates.length} updates, state ${trace.state.byteLength} bytes; memory docs ${content.byteLength} bytes`,
  );

  log('c. memory per idle document');
  const memory = emptyRow('c. RSS per idle loaded document', 'KB', 'lower');
  for (const kind of SERVER_KINDS) {
    await measure(
      kind,
      [memory],
      log,
      () => runIdleMemory(kind, config.memory, content, log),
      (r) => {
        memory.cells[kind] = value(r.bytesPerDocument / 1024);
      },
    );
  }

  log('d. cold load');
  const rowsLabel = trace.updates.length.toLocaleString('en-US');
  const uncompacted = emptyRow(`d. cold load, log of ${rowsLabel} rows`, 'ms', 'lower', 'no update log');
  const compacted = emptyRow('d. cold load, compacted log / stored state blob', 'ms', 'lower');
  const compaction = emptyRow(`d. compaction of ${rowsLabel} rows`, 'ms', 'none', 'no update log');
  const floor = emptyRow('d. floor: Y.applyUpdate of the state in one process', 'ms', 'none', 'see ours column');
  for (const row of [compacted]) row.cells['y-websocket-server'] = { na: 'no persistence' };
  uncompacted.cells['y-websocket-server'] = { na: 'no persistence' };
  compaction.cells['y-websocket-server'] = { na: 'no persistence' };
  const floorMs = coldLoadFloorMs(trace);
  floor.cells.ours = value(floorMs);
  let compactedMs: number | undefined;
  await measure(
    'ours',
    [uncompacted, compacted, compaction],
    log,
    () => runOursColdLoad(trace, config.coldLoad, log),
    (r) => {
      uncompacted.cells.ours = value(r.uncompactedMs);
      compacted.cells.ours = value(r.compactedMs);
      compaction.cells.ours = value(r.compactMs);
      compactedMs = r.compactedMs;
      uncompacted.note = `ours/floor ${(r.uncompactedMs / floorMs).toFixed(1)}×`;
      compacted.note = `ours/floor ${(r.compactedMs / floorMs).toFixed(2)}×`;
      notes.push(
        `d: appending ${r.rowsBefore} rows through SqlUpdateLogStore took ${(r.appendMs / 1000).toFixed(1)} s (setup).`,
      );
    },
  );
  await measure(
    'hocuspocus',
    [compacted],
    log,
    () => runHocuspocusColdLoad(trace),
    (ms) => {
      compacted.cells.hocuspocus = value(ms);
    },
  );
  notes.push(
    'Figures from a 2-core machine shared with other engineers’ builds and tests; the lead will re-run `pnpm bench` on a quiet machine.',
  );
  return {
    rows: [p50, p99, lost, deliveries, completed, cpu, perCpu, memory, uncompacted, compacted, compaction, floor],
    notes,
    targetInputs: { p99, throughput: deliveries, memory, coldCompactedMs: compactedMs, coldFloorMs: floorMs },
  };
}

import type { BenchConfig } from './benchConfig.ts';
import { type Cell, emptyRow, type ResultRow } from './report/results.ts';
import type { TargetInputs } from './report/targets.ts';
import { runColdLoadScenario } from './runColdLoad.ts';
import { runFanOutLatency } from './scenarios/fanOutLatency.ts';
import { runIdleMemory } from './scenarios/idleMemory.ts';
import { runThroughput } from './scenarios/throughput.ts';
import { runTraceIngest } from './scenarios/traceIngest.ts';
import type { ServerKind } from './servers/serverKinds.ts';
import { AUTOMERGE_PAPER_TRACE, replayTrace, stateOfSize } from './trace/editingTrace.ts';

export interface ScenarioOutcome {
  rows: ResultRow[];
  notes: string[];
  targetInputs: TargetInputs;
}

type Log = (line: string) => void;

const value = (v: number): Cell => ({ value: v });

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

/** Runs the selected scenarios against the selected servers, in order, and collects the rows. */
export async function runScenarios(config: BenchConfig, log: Log): Promise<ScenarioOutcome> {
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  const p99 = emptyRow('a. fan-out latency p99', 'ms', 'lower');
  const deliveries = emptyRow('b. throughput: deliveries/s at receivers', 'per s', 'higher');
  const memory = emptyRow('c. RSS per idle loaded document', 'KB', 'lower');
  const targetInputs: TargetInputs = {
    p99,
    throughput: deliveries,
    memory,
    coldFloorMs: undefined,
  };

  if (config.scenarios.has('a')) {
    log('a. fan-out latency');
    const p50 = emptyRow('a. fan-out latency p50', 'ms', 'lower');
    const lost = emptyRow('a. deliveries missing after drain', 'count', 'lower');
    for (const kind of config.servers) {
      await measure(
        kind,
        [p50, p99, lost],
        log,
        () => runFanOutLatency(kind, config.fanOut, log),
        (r) => {
          p50.cells[kind] = value(r.p50Ms);
          p99.cells[kind] = value(r.p99Ms);
          lost.cells[kind] = value(r.lost);
          if (r.oursLog) {
            notes.push(
              `a: our server made ${r.oursLog.commits} group commits (mean ${r.oursLog.meanCommitMs.toFixed(2)} ms each, 99 % within ${r.oursLog.p99CommitMs} ms) and ${r.oursLog.compactions} compactions during the fan-out run; its event-loop delay p99 ${r.oursLog.eventLoopDelayP99Ms.toFixed(1)} ms, max ${r.oursLog.eventLoopDelayMaxMs.toFixed(1)} ms (from its /metrics; the delay is sampled every 10 ms, so ~10 ms is an idle loop).`,
            );
          }
        },
      );
    }
    rows.push(p50, p99, lost);
    if (config.servers.includes('ours')) {
      // Diagnostic: the same run with compaction (a synchronous Y.mergeUpdates in the relay process) off.
      const noCompaction = emptyRow('a. diagnostic: ours p50 / p99 with compaction off', 'ms', 'none', '—');
      await measure(
        'ours',
        [noCompaction],
        log,
        () => runFanOutLatency('ours', config.fanOut, log, { SYNC_COMPACTION_THRESHOLD: '10000000' }),
        (r) => {
          noCompaction.cells.ours = value(r.p99Ms);
          noCompaction.note = `p50 ${r.p50Ms.toFixed(2)} ms; p99 shown; SYNC_COMPACTION_THRESHOLD=10000000`;
        },
      );
      rows.push(noCompaction);
    }
  }

  if (config.scenarios.has('b')) {
    log('b. throughput');
    const completed = emptyRow('b. updates/s received by all room peers', 'per s', 'higher');
    const cpu = emptyRow('b. server CPU during b', '% of a core', 'none');
    const perCpu = emptyRow('b. deliveries per server CPU-second', 'per CPU-s', 'higher');
    const harness = emptyRow('b. harness CPU during b', '% of a core', 'none');
    const cpuPerUpdate = emptyRow('b. server CPU per delivered update', 'µs', 'lower');
    const connect = emptyRow(
      `b. time to connect and sync the ${config.throughput.rooms * config.throughput.writersPerRoom} writers`,
      's',
      'lower',
    );
    for (const kind of config.servers) {
      await measure(
        kind,
        [deliveries, completed, cpu, perCpu, cpuPerUpdate, harness, connect],
        log,
        () => runThroughput(kind, config.throughput, log),
        (r) => {
          deliveries.cells[kind] = value(r.deliveriesPerSecond);
          completed.cells[kind] = value(r.updatesPerSecond);
          cpu.cells[kind] = value(r.serverCpuPercent);
          perCpu.cells[kind] = value(r.deliveriesPerSecond / Math.max(r.serverCpuPercent / 100, 0.01));
          cpuPerUpdate.cells[kind] = value((r.serverCpuPercent / 100 / r.deliveriesPerSecond) * 1e6);
          harness.cells[kind] = value(r.harnessCpuPercent);
          connect.cells[kind] = value(r.connectSeconds);
        },
      );
    }
    rows.push(deliveries, completed, cpu, perCpu, cpuPerUpdate, harness, connect);
    targetInputs.cpuPerUpdate = cpuPerUpdate;
  }

  if (!config.scenarios.has('c') && !config.scenarios.has('d') && !config.scenarios.has('e'))
    return { rows, notes, targetInputs };
  log(`replaying ${config.coldLoad.edits} edits of the automerge-paper trace, one update per edit`);
  const trace = replayTrace(AUTOMERGE_PAPER_TRACE, config.coldLoad.edits);
  log(`  ${trace.updates.length} updates, final state ${trace.state.byteLength} bytes`);

  if (config.scenarios.has('c')) {
    const content = stateOfSize(trace, config.memory.documentBytes);
    log(`c. memory per idle document (${content.byteLength} bytes each)`);
    const idleRss = emptyRow('c. server RSS with nothing loaded', 'MB', 'lower');
    for (const kind of config.servers) {
      await measure(
        kind,
        [memory, idleRss],
        log,
        () => runIdleMemory(kind, config.memory, content, log),
        (r) => {
          memory.cells[kind] = value(r.bytesPerDocument / 1024);
          idleRss.cells[kind] = value(r.rssBeforeBytes / (1024 * 1024));
        },
      );
    }
    rows.push(memory, idleRss);
    targetInputs.idleRss = idleRss;
  }

  if (config.scenarios.has('d')) {
    log('d. cold load');
    const cold = await runColdLoadScenario(config, trace, log);
    rows.push(...cold.rows);
    notes.push(...cold.notes);
    targetInputs.coldCompacted = cold.compactedRow;
    targetInputs.coldFloorMs = cold.floorMs;
  }

  if (config.scenarios.has('e')) {
    log(
      `e. ingest: one writer replaying ${trace.updates.length} updates, a client joining every ${config.ingest.joinEveryMs} ms`,
    );
    const rate = emptyRow(
      `e. ingest of the trace (${trace.updates.length.toLocaleString('en-US')} updates) from one socket`,
      'per s',
      'higher',
    );
    const joinMax = emptyRow('e. slowest joining client synced during the ingest', 'ms', 'lower');
    const joinP50 = emptyRow('e. joining client synced during the ingest, p50', 'ms', 'lower');
    for (const kind of config.servers) {
      await measure(
        kind,
        [rate, joinMax, joinP50],
        log,
        () => runTraceIngest(kind, trace.updates, config.ingest, log),
        (r) => {
          rate.cells[kind] = value(r.updatesPerSecond);
          joinMax.cells[kind] = value(r.joinMaxMs);
          joinP50.cells[kind] = value(r.joinP50Ms);
          if (r.joinFailures > 0)
            joinMax.note = `${kind}: ${r.joinFailures} joins did not sync within ${config.ingest.joinTimeoutMs / 1000} s`;
          if (r.oursLog) {
            notes.push(
              `e: our server made ${r.oursLog.commits} group commits (mean ${r.oursLog.meanCommitMs.toFixed(2)} ms each) and ${r.oursLog.compactions} compactions during the ingest (${r.joinsMs.length} joins).`,
            );
          }
        },
      );
    }
    rows.push(rate, joinMax, joinP50);
    targetInputs.ingest = rate;
    targetInputs.ingestJoinMax = joinMax;
  }
  return { rows, notes, targetInputs };
}

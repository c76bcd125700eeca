import type { ServerKind } from '../servers/serverKinds.ts';
import { formatNumber } from './format.ts';
import { cellValue, type ResultRow, type TargetResult } from './results.ts';

const PEERS: ServerKind[] = ['y-websocket-server', 'hocuspocus'];

/** The rows the targets are judged on. */
export interface TargetInputs {
  p99: ResultRow;
  throughput: ResultRow;
  memory: ResultRow;
  coldCompactedMs: number | undefined;
  coldFloorMs: number | undefined;
  /** Our server's own room load of the compacted document (from its debug log), for context. */
  coldServerLoadMs?: number | undefined;
  /** e. ingest rate and the slowest joining client during it. */
  ingest?: ResultRow;
  ingestJoinMax?: ResultRow;
}

/** Judges issue 3's four targets against this run's figures. */
export function judgeTargets(inputs: TargetInputs): TargetResult[] {
  return [
    compare(
      'a. p99 fan-out latency ≤ the better peer’s, while persisting every update',
      inputs.p99,
      bestPeer(inputs.p99, 'lower'),
      'lower',
    ),
    compare('b. throughput ≥ @y/websocket-server’s', inputs.throughput, 'y-websocket-server', 'higher'),
    compare(
      'c. memory per idle document no worse than the best peer',
      inputs.memory,
      bestPeer(inputs.memory, 'lower'),
      'lower',
    ),
    coldLoad(inputs.coldCompactedMs, inputs.coldFloorMs, inputs.coldServerLoadMs),
  ];
}

function bestPeer(row: ResultRow, better: 'lower' | 'higher'): ServerKind | undefined {
  let best: ServerKind | undefined;
  for (const peer of PEERS) {
    const value = cellValue(row.cells[peer]);
    if (value === undefined) continue;
    const current = best ? (cellValue(row.cells[best]) as number) : undefined;
    if (current === undefined || (better === 'lower' ? value < current : value > current)) best = peer;
  }
  return best;
}

function compare(
  target: string,
  row: ResultRow,
  peer: ServerKind | undefined,
  better: 'lower' | 'higher',
): TargetResult {
  const ours = cellValue(row.cells.ours);
  const theirs = peer ? cellValue(row.cells[peer]) : undefined;
  if (ours === undefined || theirs === undefined || !peer) {
    return { target, status: 'unknown', evidence: 'a figure is missing (see the table)' };
  }
  const met = better === 'lower' ? ours <= theirs : ours >= theirs;
  return {
    target,
    status: met ? 'met' : 'not met',
    evidence: `ours ${formatNumber(ours)} ${row.unit} vs ${peer} ${formatNumber(theirs)} ${row.unit} (${(ours / theirs).toFixed(2)}×)`,
  };
}

function coldLoad(compacted: number | undefined, floor: number | undefined, serverLoad?: number): TargetResult {
  const target = 'd. cold load of a compacted document ≤ 1.5× the in-process Y.applyUpdate floor';
  if (compacted === undefined || floor === undefined)
    return { target, status: 'unknown', evidence: 'a figure is missing' };
  const r = compacted / floor;
  return {
    target,
    status: r <= 1.5 ? 'met' : 'not met',
    evidence: `new client synced in ${formatNumber(compacted)} ms vs floor ${formatNumber(floor)} ms (${r.toFixed(2)}×)${
      serverLoad === undefined
        ? ''
        : `; the server's own room load took ${formatNumber(serverLoad)} ms (${(serverLoad / floor).toFixed(2)}×), the rest is encoding, transfer and the client's own apply`
    }`,
  };
}

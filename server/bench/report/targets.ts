import type { ServerKind } from '../servers/serverKinds.ts';
import { formatNumber } from './format.ts';
import { cellValue, type ResultRow, type TargetResult } from './results.ts';

const PEERS = ['y-websocket-server', 'hocuspocus'] as const satisfies readonly ServerKind[];

/** The rows the targets are judged on (a row is missing when its scenario did not run). */
export interface TargetInputs {
  p99: ResultRow;
  throughput: ResultRow;
  memory: ResultRow;
  /** b. server CPU per delivered update. */
  cpuPerUpdate?: ResultRow;
  /** c. the server's RSS before any document was loaded. */
  idleRss?: ResultRow;
  /** d. a new client's sync of the compacted document (ours) / stored state blob (Hocuspocus). */
  coldCompacted?: ResultRow;
  coldFloorMs: number | undefined;
  /** e. ingest rate and the slowest joining client during it. */
  ingest?: ResultRow;
  ingestJoinMax?: ResultRow;
}

/** Issue 14's sync-server targets, judged against this run's figures (peers from the same run). */
export function judgeTargets(inputs: TargetInputs): TargetResult[] {
  const floor = inputs.coldFloorMs;
  return [
    againstPeers('a. fan-out 1 → 50 readers at 200 updates/s, p99', inputs.p99, 'best', 'lower'),
    againstPeers('e. ingest of the whole automerge-paper trace from one socket', inputs.ingest, 'hocuspocus', 'higher'),
    absolute('e. slowest client joining during the ingest', inputs.ingestJoinMax, 'lower', 1000, '≤ 1,000 ms'),
    againstPeers(
      'd. new client synced, compacted document from storage, warm process',
      inputs.coldCompacted,
      'hocuspocus',
      'lower',
    ),
    absolute(
      'd. the same against the in-process Y.applyUpdate floor',
      inputs.coldCompacted,
      'lower',
      floor === undefined ? undefined : 3 * floor,
      floor === undefined ? '≤ 3× the floor' : `≤ 3× the floor (${formatNumber(floor)} ms)`,
    ),
    againstPeers(
      'b. relayed updates/s, rooms × 5 writers (deliveries at receivers)',
      inputs.throughput,
      'all',
      'higher',
    ),
    againstPeers('b. server CPU per delivered update', inputs.cpuPerUpdate, 'all', 'lower'),
    againstPeers('c. RSS per idle loaded document', inputs.memory, 'all', 'lower', 80, '80 KB'),
    absolute('c. server RSS with nothing loaded', inputs.idleRss, 'lower', 90, '≤ 90 MB'),
  ];
}

/** The peers' figures of a row, for the table. */
function figures(row: ResultRow | undefined): Pick<TargetResult, 'ours' | 'yWebsocket' | 'hocuspocus'> {
  const text = (kind: ServerKind) => {
    const value = row ? cellValue(row.cells[kind]) : undefined;
    return value === undefined ? '—' : `${formatNumber(value)} ${row?.unit ?? ''}`.trim();
  };
  return { ours: text('ours'), yWebsocket: text('y-websocket-server'), hocuspocus: text('hocuspocus') };
}

/**
 * Ours against the peers: `best` = the better peer, `all` = ahead of every
 * peer, or one named peer; `limit` adds an absolute bound on ours too.
 */
function againstPeers(
  target: string,
  row: ResultRow | undefined,
  which: 'best' | 'all' | (typeof PEERS)[number],
  better: 'lower' | 'higher',
  limit?: number,
  limitText?: string,
): TargetResult {
  const peers = which === 'best' || which === 'all' ? [...PEERS] : [which];
  const goalPeers = which === 'best' ? 'the better peer’s' : which === 'all' ? 'both peers’' : `${which}’s`;
  const sign = better === 'lower' ? '≤' : '≥';
  const goal = `${sign} ${goalPeers}${limitText ? ` and ≤ ${limitText}` : ''}`;
  const base = { target, goal, ...figures(row) };
  const ours = row ? cellValue(row.cells.ours) : undefined;
  const theirs = row ? peers.map((peer) => cellValue(row.cells[peer])) : [];
  const known = theirs.filter((v): v is number => v !== undefined);
  if (ours === undefined || known.length === 0 || (which !== 'best' && known.length < peers.length)) {
    return { ...base, status: 'unknown' };
  }
  const beats = (v: number) => (better === 'lower' ? ours <= v : ours >= v);
  const peerMet = which === 'best' ? known.some(beats) : known.every(beats);
  const met = peerMet && (limit === undefined || ours <= limit);
  return { ...base, status: met ? 'met' : 'not met' };
}

/** Ours against a fixed bound. */
function absolute(
  target: string,
  row: ResultRow | undefined,
  better: 'lower' | 'higher',
  limit: number | undefined,
  goal: string,
): TargetResult {
  const base = { target, goal, ...figures(row) };
  const ours = row ? cellValue(row.cells.ours) : undefined;
  if (ours === undefined || limit === undefined) return { ...base, status: 'unknown' };
  const met = better === 'lower' ? ours <= limit : ours >= limit;
  return { ...base, status: met ? 'met' : 'not met' };
}

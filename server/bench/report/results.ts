import { SERVER_KINDS, type ServerKind } from '../servers/serverKinds.ts';

/** One server's figure for a metric: a number, a failure, or not applicable. */
export type Cell = { value: number } | { failed: string } | { na: string };

/** One line of the results table. */
export interface ResultRow {
  label: string;
  unit: string;
  /** Which direction is better, for reading ratios; 'none' for context figures. */
  better: 'lower' | 'higher' | 'none';
  cells: Record<ServerKind, Cell>;
  note?: string;
}

/** A target from issue 14, the figures it is judged on (peers from the same run) and whether this run met it. */
export interface TargetResult {
  target: string;
  goal: string;
  ours: string;
  yWebsocket: string;
  hocuspocus: string;
  status: 'met' | 'not met' | 'unknown';
}

/** A row whose cells all start as "not applicable" with `reason`. */
export function emptyRow(label: string, unit: string, better: ResultRow['better'], reason = 'not run'): ResultRow {
  const cells = Object.fromEntries(SERVER_KINDS.map((kind) => [kind, { na: reason }])) as Record<ServerKind, Cell>;
  return { label, unit, better, cells };
}

/** The number in a cell, if it holds one. */
export function cellValue(cell: Cell): number | undefined {
  return 'value' in cell ? cell.value : undefined;
}

/** ours / peer, or undefined when either side has no number. */
export function ratio(row: ResultRow, peer: ServerKind): number | undefined {
  const ours = cellValue(row.cells.ours);
  const theirs = cellValue(row.cells[peer]);
  if (ours === undefined || theirs === undefined || theirs === 0) return undefined;
  return ours / theirs;
}

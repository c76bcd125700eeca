import { SERVER_KINDS, SERVER_LABELS } from '../servers/serverKinds.ts';
import { type Cell, type ResultRow, ratio, type TargetResult } from './results.ts';

/** A figure with sensible precision for its size. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function formatCell(cell: Cell): string {
  if ('value' in cell) return formatNumber(cell.value);
  if ('failed' in cell) return `failed (${cell.failed.split('\n')[0]?.slice(0, 60)})`;
  return `n/a (${cell.na})`;
}

function formatRatio(row: ResultRow, peer: 'y-websocket-server' | 'hocuspocus'): string {
  const r = ratio(row, peer);
  return r === undefined ? '—' : `${r.toFixed(2)}×`;
}

/** The results as a Markdown table (also readable in a terminal). */
export function resultsTable(rows: readonly ResultRow[]): string {
  const header = [
    'metric',
    ...SERVER_KINDS.map((kind) => SERVER_LABELS[kind]),
    'ours / y-websocket',
    'ours / Hocuspocus',
    'note',
  ];
  const lines = rows.map((row) => [
    `${row.label} (${row.unit}${row.better === 'none' ? '' : `, ${row.better} is better`})`,
    ...SERVER_KINDS.map((kind) => formatCell(row.cells[kind])),
    formatRatio(row, 'y-websocket-server'),
    formatRatio(row, 'hocuspocus'),
    row.note ?? '',
  ]);
  const toLine = (cells: string[]) => `| ${cells.map((c) => c.replaceAll('|', '/')).join(' | ')} |`;
  return [toLine(header), toLine(header.map(() => '---')), ...lines.map(toLine)].join('\n');
}

/** Every target in one Markdown table: our figure, the peers' from the same run, the goal and its status. */
export function targetsTable(targets: readonly TargetResult[]): string {
  const header = `| target | ${SERVER_KINDS.map((kind) => SERVER_LABELS[kind]).join(' | ')} | goal (ours) | status |`;
  const lines = targets.map(
    (t) => `| ${t.target} | ${t.ours} | ${t.yWebsocket} | ${t.hocuspocus} | ${t.goal} | **${t.status}** |`,
  );
  return [header, '| --- | --- | --- | --- | --- | --- |', ...lines].join('\n');
}

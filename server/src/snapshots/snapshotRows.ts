import type { SnapshotsTable } from '../storage/schema.ts';

/** Every column of `snapshots`, for joins that alias them. */
export const SNAPSHOT_COLUMNS = [
  'id',
  'partnership_id',
  'name',
  'created_by',
  'created_by_side',
  'created_at',
  'open_threads',
  'resolved_threads',
  'partnership_name',
  'university_name',
  'partner_name',
  'phase',
] as const satisfies readonly (keyof SnapshotsTable)[];

/** A snapshot row with its numbers as numbers (PostgreSQL answers `bigint` as strings). */
export function snapshotRow(raw: Record<string, unknown>): SnapshotsTable {
  const row = raw as unknown as SnapshotsTable;
  return {
    ...row,
    created_at: Number(row.created_at),
    open_threads: Number(row.open_threads),
    resolved_threads: Number(row.resolved_threads),
  };
}

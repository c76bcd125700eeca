import { COMPARE_WITH_NOW, compareDocuments, type SnapshotComparison } from '@samverka/model';
import type { Kysely } from 'kysely';
import type { Grant } from '../access/accessTargets.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import type { RoomRegistry } from '../sync/roomRegistry.ts';
import { captureDocuments } from './snapshotCreator.ts';
import { findSnapshotRow, snapshotStates } from './snapshotQueries.ts';

/**
 * Compares the snapshot a grant names ("before") with another snapshot of the
 * same partnership or with the live documents now ("after"). A snapshot of
 * another partnership is not found, like any id the caller may not see.
 */
export async function compareSnapshot(
  db: Kysely<DatabaseSchema>,
  rooms: RoomRegistry,
  grant: Grant<'snapshot'>,
  withValue: string,
): Promise<SnapshotComparison> {
  const before = grant.snapshot;
  const beforeStates = await snapshotStates(db, before.id);
  const beforeSide = { snapshotId: before.id, name: before.name, at: new Date(before.created_at).toISOString() };
  if (withValue === COMPARE_WITH_NOW) {
    const at = new Date().toISOString();
    const now = await captureDocuments(db, rooms, before.partnership_id);
    return { before: beforeSide, after: { snapshotId: null, name: null, at }, ...compareDocuments(beforeStates, now) };
  }
  const other = await findSnapshotRow(db, withValue);
  if (!other || other.partnership_id !== before.partnership_id) throw apiErrors.notFound();
  const afterStates = await snapshotStates(db, other.id);
  return {
    before: beforeSide,
    after: { snapshotId: other.id, name: other.name, at: new Date(other.created_at).toISOString() },
    ...compareDocuments(beforeStates, afterStates),
  };
}

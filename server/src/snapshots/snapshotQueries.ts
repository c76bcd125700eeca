import type {
  Acknowledgement,
  LifecyclePhase,
  SharedSnapshotResponse,
  Side,
  Snapshot,
  SnapshotDetailResponse,
  SnapshotDocument,
  SnapshotLink,
  SnapshotListItem,
} from '@samverka/model';
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema, SnapshotLinksTable, SnapshotsTable } from '../storage/schema.ts';
import { linkActive, linkRow } from './shareLinks.ts';
import { SNAPSHOT_COLUMNS, snapshotRow } from './snapshotRows.ts';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

const iso = (ms: number) => new Date(ms).toISOString();

/** Names of the people who created snapshots or links, by user id. */
async function namesOf(db: Db, userIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A snapshot as the API shows it; `creatorName` undefined when the account is gone. */
export function presentSnapshot(row: SnapshotsTable, creatorName: string | undefined): Snapshot {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    name: row.name,
    createdAt: iso(row.created_at),
    createdBy:
      row.created_by && creatorName !== undefined
        ? { userId: row.created_by, name: creatorName, side: row.created_by_side }
        : null,
    threads: { open: row.open_threads, resolved: row.resolved_threads },
  };
}

/** One snapshot with its creator's name. */
export async function presentOne(db: Db, row: SnapshotsTable): Promise<Snapshot> {
  return presentSnapshot(row, (await namesOf(db, [row.created_by])).get(row.created_by ?? ''));
}

/** Acknowledgements of some snapshots, oldest first, by snapshot id. */
export async function acknowledgementsOf(db: Db, snapshotIds: string[]): Promise<Map<string, Acknowledgement[]>> {
  const bySnapshot = new Map<string, Acknowledgement[]>(snapshotIds.map((id) => [id, []]));
  if (snapshotIds.length === 0) return bySnapshot;
  const rows = await db
    .selectFrom('snapshot_acknowledgements')
    .leftJoin('users', 'users.id', 'snapshot_acknowledgements.user_id')
    .select([
      'snapshot_acknowledgements.snapshot_id',
      'snapshot_acknowledgements.user_id',
      'snapshot_acknowledgements.side',
      'snapshot_acknowledgements.acknowledged_at',
      'snapshot_acknowledgements.id',
      'users.name',
    ])
    .where('snapshot_acknowledgements.snapshot_id', 'in', snapshotIds)
    .orderBy('snapshot_acknowledgements.acknowledged_at')
    .orderBy('snapshot_acknowledgements.id')
    .execute();
  for (const row of rows) {
    bySnapshot.get(row.snapshot_id)?.push({
      userId: row.user_id,
      name: row.name ?? '',
      side: row.side as Side,
      acknowledgedAt: iso(Number(row.acknowledged_at)),
    });
  }
  return bySnapshot;
}

/** A partnership's snapshots, latest first, with document counts and acknowledgements. */
export async function listSnapshots(db: Db, partnershipId: string): Promise<SnapshotListItem[]> {
  const rows = (
    await db
      .selectFrom('snapshots')
      .select(SNAPSHOT_COLUMNS.map((column) => `snapshots.${column}` as const))
      .select((eb) =>
        eb
          .selectFrom('snapshot_documents')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('snapshot_documents.snapshot_id', '=', 'snapshots.id')
          .as('document_count'),
      )
      .where('partnership_id', '=', partnershipId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute()
  ).map((row) => ({
    row: snapshotRow(row as unknown as Record<string, unknown>),
    documents: Number(row.document_count),
  }));
  const names = await namesOf(
    db,
    rows.map(({ row }) => row.created_by),
  );
  const acknowledgements = await acknowledgementsOf(
    db,
    rows.map(({ row }) => row.id),
  );
  return rows.map(({ row, documents }) => ({
    ...presentSnapshot(row, names.get(row.created_by ?? '')),
    documentCount: documents,
    acknowledgements: acknowledgements.get(row.id) ?? [],
  }));
}

/** The documents a snapshot holds (without their states), in the snapshot's order. */
export async function snapshotDocuments(db: Db, snapshotId: string): Promise<SnapshotDocument[]> {
  return db
    .selectFrom('snapshot_documents')
    .select(['document_id as id', 'kind', 'title'])
    .where('snapshot_id', '=', snapshotId)
    .orderBy('position')
    .execute();
}

/** The stored states of a snapshot's documents (for comparisons). */
export async function snapshotStates(db: Db, snapshotId: string) {
  const rows = await db
    .selectFrom('snapshot_documents')
    .select(['document_id as id', 'kind', 'title', 'state'])
    .where('snapshot_id', '=', snapshotId)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({ ...row, state: plainBytes(row.state) }));
}

/** One stored document state of a snapshot, exactly as written, or undefined. */
export async function snapshotDocumentState(db: Db, snapshotId: string, documentId: string) {
  const row = await db
    .selectFrom('snapshot_documents')
    .select('state')
    .where('snapshot_id', '=', snapshotId)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return row && plainBytes(row.state);
}

/** Drivers return Buffer (a Uint8Array subclass); Yjs and responses want plain views on the same memory. */
function plainBytes(data: Uint8Array): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** What the snapshot view and a share-link holder read: the snapshot, the partnership as it was, the documents. */
export async function snapshotDetail(db: Db, row: SnapshotsTable, withAcknowledgements: boolean) {
  const detail: SnapshotDetailResponse = {
    snapshot: await presentOne(db, row),
    partnership: {
      id: row.partnership_id,
      name: row.partnership_name,
      universityName: row.university_name,
      partnerName: row.partner_name,
      phase: row.phase as LifecyclePhase,
    },
    documents: await snapshotDocuments(db, row.id),
  };
  if (withAcknowledgements) detail.acknowledgements = (await acknowledgementsOf(db, [row.id])).get(row.id) ?? [];
  return detail;
}

/**
 * What a share-link holder reads: the view's names, dates and documents, without the
 * partnership's, snapshot's or creator's ids (a forwarded link must not hand them out).
 */
export async function sharedSnapshotDetail(db: Db, row: SnapshotsTable): Promise<SharedSnapshotResponse> {
  const { snapshot, partnership, documents } = await snapshotDetail(db, row, false);
  const { id: _partnershipId, ...partnershipAsItWas } = partnership;
  return {
    snapshot: { name: snapshot.name, createdAt: snapshot.createdAt, threads: snapshot.threads },
    partnership: partnershipAsItWas,
    documents,
  };
}

/** A share link as its managers see it (never its token). */
export function presentLink(row: SnapshotLinksTable, creatorName: string | undefined, now: number): SnapshotLink {
  return {
    id: row.id,
    snapshotId: row.snapshot_id,
    createdAt: iso(row.created_at),
    createdBy:
      row.created_by && creatorName !== undefined ? { userId: row.created_by, name: creatorName, side: null } : null,
    expiresAt: row.expires_at === null ? null : iso(row.expires_at),
    revokedAt: row.revoked_at === null ? null : iso(row.revoked_at),
    active: linkActive(row, now),
  };
}

/** A snapshot's links, newest first. */
export async function listLinks(db: Db, snapshotId: string): Promise<SnapshotLink[]> {
  const rows = (
    await db
      .selectFrom('snapshot_links')
      .selectAll()
      .where('snapshot_id', '=', snapshotId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute()
  ).map(linkRow);
  const names = await namesOf(
    db,
    rows.map((row) => row.created_by),
  );
  const now = Date.now();
  return rows.map((row) => presentLink(row, names.get(row.created_by ?? ''), now));
}

/** One snapshot row by id (another partnership's snapshots are the caller's to refuse). */
export async function findSnapshotRow(db: Db, snapshotId: string): Promise<SnapshotsTable | undefined> {
  const row = await db.selectFrom('snapshots').selectAll().where('id', '=', snapshotId).executeTakeFirst();
  return row && snapshotRow(row as unknown as Record<string, unknown>);
}

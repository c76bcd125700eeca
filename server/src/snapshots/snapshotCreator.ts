import type { DocumentKind } from '@samverka/model';
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { doerOf, type Grant } from '../access/accessTargets.ts';
import { recordAudit } from '../audit/auditRecorder.ts';
import { listDocuments } from '../documents/documentQueries.ts';
import { apiErrors } from '../http/apiErrors.ts';
import { randomId } from '../ids.ts';
import type { DatabaseSchema, SnapshotsTable } from '../storage/schema.ts';
import type { RoomRegistry } from '../sync/roomRegistry.ts';
import { changeSnapshot, type SnapshotDeps } from './snapshotCommands.ts';

/** A document's state as the snapshot keeps it. */
export interface CapturedDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  state: Uint8Array;
}

/** Register first (the view opens on it), then canvases and texts in the partnership's order. */
const KIND_ORDER: Record<DocumentKind, number> = { register: 0, canvas: 1, text: 2 };

/**
 * The whole state of every (not archived) document of a partnership at one
 * moment: each document's live room (loaded from storage if nobody has it open),
 * each room's stored edits awaited, then every state encoded in one synchronous
 * pass, so no edit can land between two documents of the same snapshot.
 */
export async function captureDocuments(
  db: Kysely<DatabaseSchema>,
  rooms: RoomRegistry,
  partnershipId: string,
): Promise<CapturedDocument[]> {
  const documents = (await listDocuments(db, partnershipId))
    .filter((document) => document.archived_at === null || document.archived_at === undefined)
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  // allSettled, not all: if one document fails to load, the rooms the others opened
  // must still be released, or they would stay in memory with nobody to unload them.
  const settled = await Promise.allSettled(documents.map((document) => rooms.open(document.id)));
  const opened = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  try {
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    await Promise.all(opened.map((room) => room.flushed()));
    return documents.map((document, n) => ({
      id: document.id,
      kind: document.kind,
      title: document.title,
      state: Y.encodeStateAsUpdate((opened[n] as (typeof opened)[number]).doc),
    }));
  } finally {
    for (const room of opened) rooms.releaseIfIdle(room);
  }
}

/** Copies a state into a Buffer the drivers bind as bytes, detached from the encoder's memory. */
function bytes(state: Uint8Array): Buffer {
  return Buffer.from(state);
}

/**
 * Creates a snapshot: its row (with the thread counts and the partnership's
 * names and phase as they are now), one row per document state, and the audit
 * entry, in one transaction. The rows are never updated afterwards (a rename
 * changes only `snapshots.name`).
 */
export async function createSnapshot(
  deps: SnapshotDeps & { rooms: RoomRegistry; maxPerPartnership: number },
  grant: Grant<'partnership'>,
  name: string,
): Promise<SnapshotsTable> {
  const { partnership } = grant;
  // Checked before the documents are loaded: a refused snapshot costs no work. Two requests
  // racing at the limit may both pass; the budget per account keeps that overshoot small.
  const kept = await deps.db
    .selectFrom('snapshots')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('partnership_id', '=', partnership.id)
    .executeTakeFirstOrThrow();
  if (Number(kept.count) >= deps.maxPerPartnership) throw apiErrors.snapshotLimitReached(deps.maxPerPartnership);
  const documents = await captureDocuments(deps.db, deps.rooms, partnership.id);
  const doer = doerOf(grant);
  const id = randomId(12);
  return changeSnapshot(deps, { id, partnership_id: partnership.id }, async (tx) => {
    const counts = await tx
      .selectFrom('comment_threads')
      .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
      .where('partnership_id', '=', partnership.id)
      .groupBy('status')
      .execute();
    const count = (status: string) => Number(counts.find((row) => row.status === status)?.count ?? 0);
    const snapshot: SnapshotsTable = {
      id,
      partnership_id: partnership.id,
      name,
      created_by: doer.userId,
      created_by_side: doer.side,
      created_at: Date.now(),
      open_threads: count('open'),
      resolved_threads: count('resolved'),
      partnership_name: partnership.name,
      university_name: partnership.university_name,
      partner_name: partnership.partner_name,
      phase: partnership.phase,
    };
    await tx.insertInto('snapshots').values(snapshot).execute();
    if (documents.length > 0) {
      await tx
        .insertInto('snapshot_documents')
        .values(
          documents.map((document, position) => ({
            snapshot_id: snapshot.id,
            document_id: document.id,
            kind: document.kind,
            title: document.title,
            position,
            state: bytes(document.state),
          })),
        )
        .execute();
    }
    await recordAudit(tx, {
      partnershipId: partnership.id,
      type: 'snapshot_created',
      actorUserId: doer.userId,
      actorSide: doer.side,
      details: { snapshotId: snapshot.id, name, documents: documents.length },
    });
    return snapshot;
  });
}

import type { Side, UpdatePartnershipRequest } from '@samverka/model';
import type { Kysely } from 'kysely';
import { commitThenPublish, type RightsBus } from '../access/rightsEvents.ts';
import { recordAudit } from '../audit/auditRecorder.ts';
import type { DatabaseSchema, PartnershipsTable } from '../storage/schema.ts';

interface Doer {
  userId: string;
  side: Side;
}

/** Renames a partnership or moves its phase, recording each change in the audit trail. */
export async function updatePartnership(
  db: Kysely<DatabaseSchema>,
  doer: Doer,
  current: PartnershipsTable,
  input: UpdatePartnershipRequest,
): Promise<PartnershipsTable> {
  const next = { ...current, name: input.name ?? current.name, phase: input.phase ?? current.phase };
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('partnerships')
      .set({ name: next.name, phase: next.phase })
      .where('id', '=', current.id)
      .execute();
    const base = { partnershipId: current.id, actorUserId: doer.userId, actorSide: doer.side };
    if (next.name !== current.name) {
      await recordAudit(tx, { ...base, type: 'partnership_renamed', details: { from: current.name, to: next.name } });
    }
    if (next.phase !== current.phase) {
      await recordAudit(tx, {
        ...base,
        type: 'partnership_phase_changed',
        details: { from: current.phase, to: next.phase },
      });
    }
  });
  return next;
}

/** Archives a partnership (content becomes read-only), once; one rights change for every member. */
export async function archivePartnership(
  db: Kysely<DatabaseSchema>,
  rights: RightsBus,
  doer: Doer,
  current: PartnershipsTable,
): Promise<PartnershipsTable> {
  if (current.archived_at !== null) return current;
  const archivedAt = Date.now();
  await commitThenPublish(db, rights, async (tx) => {
    await tx.updateTable('partnerships').set({ archived_at: archivedAt }).where('id', '=', current.id).execute();
    await recordAudit(tx, {
      partnershipId: current.id,
      type: 'partnership_archived',
      actorUserId: doer.userId,
      actorSide: doer.side,
      details: { name: current.name },
    });
    return { result: undefined, change: { reason: 'archived', partnershipId: current.id } };
  });
  return { ...current, archived_at: archivedAt };
}

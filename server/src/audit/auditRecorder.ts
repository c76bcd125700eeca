import type { AuditEventType, Side } from '@samverka/model';
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.ts';

export interface AuditEntry {
  partnershipId: string;
  type: AuditEventType;
  actorUserId: string;
  actorSide: Side | null;
  details: Record<string, string | number | null>;
}

/** Appends one row to the audit trail, inside the caller's transaction when given one. */
export async function recordAudit(
  db: Kysely<DatabaseSchema> | Transaction<DatabaseSchema>,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      partnership_id: entry.partnershipId,
      type: entry.type,
      actor_user_id: entry.actorUserId,
      actor_side: entry.actorSide,
      details: JSON.stringify(entry.details),
      created_at: Date.now(),
    })
    .execute();
}

import type { AuditEventType, Side, UpdateDocumentRequest } from '@samverka/model';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/auditRecorder.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { DatabaseSchema, DocumentsTable } from '../storage/schema.ts';

interface Actor {
  userId: string;
  side: Side | null;
}

/** Renames, archives or restores a document, with one audit row per change, in one transaction. */
export async function updateDocument(
  db: Kysely<DatabaseSchema>,
  document: DocumentsTable,
  actor: Actor,
  change: UpdateDocumentRequest,
  now = Date.now(),
): Promise<void> {
  if (change.archived !== undefined && document.kind === 'register') throw apiErrors.documentRequired();
  await db.transaction().execute(async (trx) => {
    const events: [AuditEventType, Record<string, string>][] = [];
    if (change.title !== undefined && change.title !== document.title) {
      await trx
        .updateTable('documents')
        .set({ title: change.title, edited_at: now, edited_by: actor.userId })
        .where('id', '=', document.id)
        .execute();
      events.push(['document_renamed', { documentId: document.id, from: document.title, to: change.title }]);
    }
    const archived = document.archived_at !== null && document.archived_at !== undefined;
    if (change.archived !== undefined && change.archived !== archived) {
      await trx
        .updateTable('documents')
        .set({ archived_at: change.archived ? now : null })
        .where('id', '=', document.id)
        .execute();
      events.push([
        change.archived ? 'document_archived' : 'document_restored',
        { documentId: document.id, title: change.title ?? document.title },
      ]);
    }
    for (const [type, details] of events) {
      await recordAudit(trx, {
        partnershipId: document.partnership_id,
        type,
        actorUserId: actor.userId,
        actorSide: actor.side,
        details,
      });
    }
  });
}

/**
 * Deletes a document and keeps nothing of it: its index row first (so no new
 * socket is let in), then `closeSockets` (open ones are turned away and their
 * last commits land), then its update log and files.
 */
export async function deleteDocument(
  db: Kysely<DatabaseSchema>,
  document: DocumentsTable,
  actor: Actor,
  closeSockets: (documentId: string) => Promise<void>,
): Promise<void> {
  if (document.kind === 'register') throw apiErrors.documentRequired();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('assets').where('document_id', '=', document.id).execute();
    await trx.deleteFrom('documents').where('id', '=', document.id).execute();
    await recordAudit(trx, {
      partnershipId: document.partnership_id,
      type: 'document_deleted',
      actorUserId: actor.userId,
      actorSide: actor.side,
      details: { documentId: document.id, title: document.title },
    });
  });
  await closeSockets(document.id);
  await db.deleteFrom('document_updates').where('document_id', '=', document.id).execute();
}

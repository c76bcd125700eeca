import type { DocumentKind, PartnershipLanguage, TextTemplate } from '@samverka/model';
import type { Kysely, Transaction } from 'kysely';
import { randomId } from '../ids.ts';
import type { DatabaseSchema, DocumentsTable } from '../storage/schema.ts';
import type { UpdateLogStore } from '../storage/updateLogStore.ts';
import { initialDocState } from './initialDocState.ts';

export interface NewDocument {
  partnershipId: string;
  kind: DocumentKind;
  title: string;
  createdBy: string;
  language: PartnershipLanguage;
  canvasTemplate?: boolean;
  textTemplate?: TextTemplate | undefined;
}

export interface PreparedDocument {
  row: DocumentsTable;
  initialState: Uint8Array;
}

/** Builds a document's index row and seeded first state, touching nothing yet. */
export function prepareDocument(input: NewDocument): PreparedDocument {
  const now = Date.now();
  const row: DocumentsTable = {
    id: randomId(12),
    partnership_id: input.partnershipId,
    kind: input.kind,
    title: input.title,
    created_by: input.createdBy,
    created_at: now,
    edited_at: now,
    edited_by: input.createdBy,
  };
  const initialState = initialDocState(input.kind, {
    language: input.language,
    canvasTemplate: input.canvasTemplate ?? false,
    textTemplate: input.textTemplate,
  });
  return { row, initialState };
}

/**
 * Appends the first states to the update log before the index rows exist, so a
 * listed document always has its seeded state (an orphaned log row is harmless).
 */
export async function storeInitialStates(
  updateLog: UpdateLogStore,
  documents: readonly PreparedDocument[],
): Promise<void> {
  await updateLog.appendUpdates(documents.map((d) => ({ documentId: d.row.id, update: d.initialState })));
}

/** Inserts prepared index rows, inside the caller's transaction when given one. */
export async function insertDocumentRows(
  db: Kysely<DatabaseSchema> | Transaction<DatabaseSchema>,
  documents: readonly PreparedDocument[],
): Promise<void> {
  if (documents.length > 0)
    await db
      .insertInto('documents')
      .values(documents.map((d) => d.row))
      .execute();
}

/** Creates one document: seeded state in the update log, then the index row. */
export async function createDocument(
  db: Kysely<DatabaseSchema>,
  updateLog: UpdateLogStore,
  input: NewDocument,
): Promise<DocumentsTable> {
  const prepared = prepareDocument(input);
  await storeInitialStates(updateLog, [prepared]);
  await insertDocumentRows(db, [prepared]);
  return prepared.row;
}

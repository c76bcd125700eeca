import type { DocumentSummary } from '@samverka/model';
import type { DocumentsTable } from '../storage/schema.ts';

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** The only way a document index row becomes JSON. */
export function presentDocument(row: DocumentsTable & { editor_name?: string | null }): DocumentSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    createdAt: new Date(row.created_at).toISOString(),
    archivedAt: iso(row.archived_at),
    editedAt: iso(row.edited_at ?? row.created_at),
    editedBy: row.edited_by && row.editor_name ? { userId: row.edited_by, name: row.editor_name } : null,
  };
}

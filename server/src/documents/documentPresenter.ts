import type { DocumentSummary } from '@samverka/model';
import type { DocumentsTable } from '../storage/schema.ts';

/** The only way a document index row becomes JSON. */
export function presentDocument(row: DocumentsTable): DocumentSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

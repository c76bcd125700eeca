import type { Generated } from 'kysely';

/** Kysely's view of every table; one migration set creates them on SQLite and PostgreSQL. */
export interface DatabaseSchema {
  document_updates: DocumentUpdatesTable;
}

/**
 * The Yjs update log. Each row is one committed update, or after compaction the
 * merged state of every row it replaced (it keeps the highest id it merged).
 */
export interface DocumentUpdatesTable {
  id: Generated<number>;
  document_id: string;
  data: Uint8Array;
  created_at: number;
}

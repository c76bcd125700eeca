import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.ts';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/** Every document of a partnership with the name of its last editor, oldest first. */
export function listDocuments(db: Db, partnershipId: string) {
  return db
    .selectFrom('documents')
    .leftJoin('users', 'users.id', 'documents.edited_by')
    .selectAll('documents')
    .select('users.name as editor_name')
    .where('documents.partnership_id', '=', partnershipId)
    .orderBy('documents.created_at')
    .orderBy('documents.id')
    .execute();
}

/** One document with its last editor's name, or undefined. */
export function findDocument(db: Db, documentId: string) {
  return db
    .selectFrom('documents')
    .leftJoin('users', 'users.id', 'documents.edited_by')
    .selectAll('documents')
    .select('users.name as editor_name')
    .where('documents.id', '=', documentId)
    .executeTakeFirst();
}

// biome-ignore-all lint/suspicious/noExplicitAny: migrations run before the typed schema exists
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/** Documents can be archived and remember when, and by whom, they were last edited. */
export function documentMigrations(): Record<string, Migration> {
  return {
    '0004_document_lifecycle': {
      async up(db: Kysely<any>) {
        await db.schema.alterTable('documents').addColumn('archived_at', 'bigint').execute();
        await db.schema.alterTable('documents').addColumn('edited_at', 'bigint').execute();
        await db.schema.alterTable('documents').addColumn('edited_by', 'text').execute();
      },
    },
  };
}

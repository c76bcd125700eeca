import type { Kysely } from 'kysely';
import type { Logger } from '../logger.ts';
import type { DatabaseSchema } from '../storage/schema.ts';

/** A person typing changes a document many times a second; the list needs minutes, not keystrokes. */
const WRITE_INTERVAL_MS = 30_000;

/**
 * Records when a document was last edited and by whom, from stored changes.
 * Writes at most once per interval per document (sooner when the editor
 * changes), off the sync path: a failed write is logged, never felt by typists.
 */
export class EditActivity {
  private readonly lastWrite = new Map<string, { userId: string; at: number }>();

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly log: Logger,
  ) {}

  /** Notes that `userId` changed `documentId` just now. */
  readonly record = (documentId: string, userId: string, now = Date.now()): void => {
    const last = this.lastWrite.get(documentId);
    if (last && last.userId === userId && now - last.at < WRITE_INTERVAL_MS) return;
    this.lastWrite.set(documentId, { userId, at: now });
    if (this.lastWrite.size > 10_000) this.lastWrite.delete(this.lastWrite.keys().next().value as string);
    this.db
      .updateTable('documents')
      .set({ edited_at: now, edited_by: userId })
      .where('id', '=', documentId)
      .execute()
      .catch((error: unknown) => this.log.warn({ documentId, err: String(error) }, 'could not record the last edit'));
  };
}

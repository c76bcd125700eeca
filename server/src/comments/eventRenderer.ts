import type { PartnershipEvent } from '@samverka/model';
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.ts';
import type { LoggedEvent } from './eventLog.ts';
import { renderMessage, renderThread } from './threadRenderer.ts';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/**
 * A logged event as `viewerId` receives it, from the rows as they are now;
 * undefined when what it names is gone (a later `threadDeleted` says so).
 */
export async function renderEvent(
  db: Db,
  event: LoggedEvent,
  viewerId: string | null,
): Promise<PartnershipEvent | undefined> {
  switch (event.type) {
    case 'thread': {
      const thread = await renderThread(db, event.threadId, viewerId);
      return thread && { type: 'thread', thread };
    }
    case 'message': {
      const message = await renderMessage(db, event.messageId);
      return message && { type: 'message', message };
    }
    case 'read':
      return { type: 'read', threadIds: event.threadIds };
    case 'threadDeleted':
      return { type: 'threadDeleted', threadId: event.threadId };
    case 'snapshot':
      return { type: 'snapshot', snapshotId: event.snapshotId };
  }
}

import type { Kysely } from 'kysely';
import type { SessionStore } from './auth/sessionStore.ts';
import type { Config } from './config.ts';
import type { RateLimiter } from './http/rateLimiter.ts';
import type { Logger } from './logger.ts';
import type { DatabaseSchema } from './storage/schema.ts';
import type { UpdateLogStore } from './storage/updateLogStore.ts';

/** What route modules and commands need, built once in `createApp`. */
export interface AppServices {
  db: Kysely<DatabaseSchema>;
  config: Config;
  log: Logger;
  sessions: SessionStore;
  rateLimiter: RateLimiter;
  updateLog: UpdateLogStore;
  /** Closes a person's open sync sockets so they re-authorise (role change, removal, sign-out). */
  revokeSockets(userId: string): Promise<void>;
  /** Turns a deleted document's open sockets away (DOCUMENT_NOT_FOUND) and waits for their last commits. */
  closeDocumentSockets(documentId: string): Promise<void>;
}

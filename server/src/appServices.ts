import type { Kysely } from 'kysely';
import type { RightsBus } from './access/rightsEvents.ts';
import type { LoginThrottle } from './auth/loginThrottle.ts';
import type { SessionStore } from './auth/sessionStore.ts';
import type { CommentCommands } from './comments/commentCommands.ts';
import type { EventStreams } from './comments/eventStreams.ts';
import type { Config } from './config.ts';
import type { AttemptLimiter } from './http/rateLimiter.ts';
import type { Logger } from './logger.ts';
import type { Mailer } from './mail/mailer.ts';
import type { NotificationSender } from './notifications/notificationSender.ts';
import type { DatabaseSchema } from './storage/schema.ts';
import type { UpdateLogStore } from './storage/updateLogStore.ts';
import type { RoomRegistry } from './sync/roomRegistry.ts';

/** What route modules and commands need, built once in `createApp`. */
export interface AppServices {
  db: Kysely<DatabaseSchema>;
  config: Config;
  log: Logger;
  sessions: SessionStore;
  rateLimiter: AttemptLimiter;
  /** Slows failed logins per (account, address) and per address; see `LoginThrottle`. */
  loginThrottle: LoginThrottle;
  updateLog: UpdateLogStore;
  /** Where commands publish rights changes once committed; a subscriber closes the affected sockets. */
  rights: RightsBus;
  /** Loaded documents, for server-side reads and writes that must go through the live room (register CSV). */
  rooms: RoomRegistry;
  /** The one way email leaves (SMTP, or the log when none is configured). */
  mailer: Mailer;
  /** Every change to comment threads; appends to the partnership event log and publishes after commit. */
  comments: CommentCommands;
  /** The open partnership event streams (Server-Sent Events). */
  events: EventStreams;
  /** Sends queued notification emails. */
  notifications: NotificationSender;
}

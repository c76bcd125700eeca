import type { SessionInfo, User } from '@samverka/model';
import type { Mailer } from '../mail/mailer.ts';
import type { SessionsTable, UsersTable } from '../storage/schema.ts';
import { mustVerify } from './emailVerification.ts';

/**
 * The only way a user row becomes JSON (never the password hash). `emailVerified` is false only
 * while the person still has to confirm the address: the server sends email and the link is unopened.
 */
export function presentUser(user: UsersTable, mailer: Pick<Mailer, 'delivers'>): User {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale ?? 'en',
    emailVerified: !mustVerify(mailer, user),
    notifications: user.notify_mode ?? 'immediate',
  };
}

/** A session row as its owner sees it in the session list. */
export function presentSession(session: SessionsTable, currentSessionId: string): SessionInfo {
  return {
    id: session.id,
    createdAt: new Date(session.created_at).toISOString(),
    lastSeenAt: new Date(session.last_seen_at).toISOString(),
    expiresAt: new Date(session.expires_at).toISOString(),
    userAgent: session.user_agent,
    current: session.id === currentSessionId,
  };
}

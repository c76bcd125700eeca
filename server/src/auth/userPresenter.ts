import type { SessionInfo, User } from '@samverka/model';
import type { SessionsTable, UsersTable } from '../storage/schema.ts';

/** The only way a user row becomes JSON (never the password hash). */
export function presentUser(user: UsersTable): User {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale ?? 'en',
    emailVerified: user.email_verified_at != null,
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

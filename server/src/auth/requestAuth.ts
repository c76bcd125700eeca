import type { Context, MiddlewareHandler } from 'hono';
import { apiErrors } from '../http/apiErrors.ts';
import type { Actor } from '../policy/policy.ts';
import { readSessionCookie } from './sessionCookie.ts';
import type { SessionStore, ValidSession } from './sessionStore.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The request's valid session and its user, when the cookie proves one. */
    auth: ValidSession | undefined;
  }
}

/** Reads the session cookie once per request and puts the session (if valid) on the context. */
export function sessionAuth(sessions: SessionStore): MiddlewareHandler {
  return async (c, next) => {
    const token = readSessionCookie(c);
    c.set('auth', token ? await sessions.validate(token) : undefined);
    return next();
  };
}

/** The signed-in session, or a 401. */
export function requireAuth(c: Context): ValidSession {
  const auth = c.get('auth');
  if (!auth) throw apiErrors.unauthenticated();
  return auth;
}

/** The policy's view of the caller. */
export function actorOf(c: Context): Actor | undefined {
  const auth = c.get('auth');
  return auth ? { userId: auth.user.id } : undefined;
}

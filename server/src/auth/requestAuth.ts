import type { Context, MiddlewareHandler } from 'hono';
import { apiErrors } from '../http/apiErrors.ts';
import type { Actor } from '../policy/policy.ts';
import { readSessionCookie, setSessionCookie } from './sessionCookie.ts';
import type { SessionStore, ValidSession } from './sessionStore.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The request's valid session and its user, when the cookie proves one. */
    auth: ValidSession | undefined;
  }
}

/**
 * Reads the session cookie once per request and puts the session (if valid) on
 * the context. When the expiry slides, the cookie is re-issued with it, or the
 * browser would still drop it a fixed time after sign-in.
 */
export function sessionAuth(sessions: SessionStore, publicUrl: string): MiddlewareHandler {
  return async (c, next) => {
    const token = readSessionCookie(c);
    const auth = token ? await sessions.validate(token) : undefined;
    c.set('auth', auth);
    if (token && auth?.extended) setSessionCookie(c, token, publicUrl);
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

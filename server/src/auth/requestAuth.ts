import type { MiddlewareHandler } from 'hono';
import type { AccessResolver, Identity } from '../access/accessResolver.ts';
import { credentialOf } from '../access/credential.ts';
import { setSessionCookie } from './sessionCookie.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The person the request's credential proves, set once per `/api/*` request. */
    identity: Identity | undefined;
  }
}

/**
 * Resolves the request's credential once per request and puts the person (if
 * any) on the context for the router. When the session's expiry slides, the
 * cookie is re-issued with it, or the browser would still drop it a fixed time after sign-in.
 */
export function sessionAuth(access: AccessResolver, publicUrl: string): MiddlewareHandler {
  return async (c, next) => {
    const credential = credentialOf(c);
    const identity = await access.identify(credential);
    c.set('identity', identity);
    if (credential.kind === 'session' && identity?.auth.extended) setSessionCookie(c, credential.token, publicUrl);
    return next();
  };
}

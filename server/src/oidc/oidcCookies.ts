import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { PENDING_LINK_MS } from './identityResolver.ts';
import { LOGIN_ATTEMPT_MS } from './loginAttempts.ts';

/**
 * The `state` of this browser's round trip. The callback compares it with the provider's `state`,
 * so a callback URL made for another browser (login CSRF) or never started here is refused.
 * SameSite=Lax: the provider's redirect back is a top-level GET, which carries it.
 */
const STATE_COOKIE = 'samverka_oidc_state';
const STATE_PATH = '/api/auth/oidc/';

/** A provider identity waiting for the password sign-in that proves the account; read only by login. */
const LINK_COOKIE = 'samverka_oidc_link';
const LINK_PATH = '/api/auth/login';

function isSecure(publicUrl: string): boolean {
  return new URL(publicUrl).protocol === 'https:';
}

function options(publicUrl: string, path: string, maxAgeMs: number) {
  return {
    httpOnly: true,
    sameSite: 'Lax',
    path,
    secure: isSecure(publicUrl),
    maxAge: Math.floor(maxAgeMs / 1000),
  } as const;
}

export const oidcCookies = {
  setState(c: Context, state: string, publicUrl: string): void {
    setCookie(c, STATE_COOKIE, state, options(publicUrl, STATE_PATH, LOGIN_ATTEMPT_MS));
  },
  takeState(c: Context, publicUrl: string): string | undefined {
    const state = getCookie(c, STATE_COOKIE);
    if (state !== undefined) deleteCookie(c, STATE_COOKIE, options(publicUrl, STATE_PATH, 0));
    return state;
  },
  setLink(c: Context, token: string, publicUrl: string): void {
    setCookie(c, LINK_COOKIE, token, options(publicUrl, LINK_PATH, PENDING_LINK_MS));
  },
  takeLink(c: Context, publicUrl: string): string | undefined {
    const token = getCookie(c, LINK_COOKIE);
    if (token !== undefined) deleteCookie(c, LINK_COOKIE, options(publicUrl, LINK_PATH, 0));
    return token;
  },
};

import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_INACTIVITY_MS } from './sessionStore.ts';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'samverka_session';

/** Secure everywhere except plain-http localhost, where browsers would drop it. */
function isSecure(publicUrl: string): boolean {
  return new URL(publicUrl).protocol === 'https:';
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/. */
export function setSessionCookie(c: Context, token: string, publicUrl: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: isSecure(publicUrl),
    maxAge: Math.floor(SESSION_INACTIVITY_MS / 1000),
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(c: Context, publicUrl: string): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isSecure(publicUrl), httpOnly: true, sameSite: 'Lax' });
}

/** The raw session token of a request, if any. */
export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

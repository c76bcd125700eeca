import {
  changePasswordRequestSchema,
  loginRequestSchema,
  type SessionsEndedResponse,
  type SessionUserResponse,
  sessionsEndedResponseSchema,
  sessionUserResponseSchema,
  signupRequestSchema,
  type UserResponse,
  userResponseSchema,
} from '@samverka/model';
import type { AppServices } from '../appServices.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { parseJsonBody } from '../http/validation.ts';
import { createAccount } from './accountCreator.ts';
import { limitAttempts } from './attemptLimits.ts';
import { changePassword } from './passwordChanger.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';
import { requireAuth } from './requestAuth.ts';
import { clearSessionCookie, setSessionCookie } from './sessionCookie.ts';
import { presentUser } from './userPresenter.ts';

/** Sign-up, login, logout, the current user and password change. */
export function mountAuthRoutes(router: ApiRouter, services: AppServices): void {
  const { db, sessions, config } = services;
  const tag = 'Accounts';

  router.add(
    {
      method: 'post',
      path: '/api/auth/signup',
      tag,
      summary: 'Create an account and sign in',
      access: 'public',
      body: signupRequestSchema,
      response: userResponseSchema,
      status: 201,
    },
    async (c) => {
      const input = await parseJsonBody(c, signupRequestSchema);
      limitAttempts(c, services, 'signup', input.email);
      const user = await createAccount(db, input);
      const { token } = await sessions.create(user.id, c.req.header('user-agent') ?? null);
      setSessionCookie(c, token, config.publicUrl);
      return c.json({ user: presentUser(user) } satisfies UserResponse, 201);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/api/auth/login',
      tag,
      summary: 'Sign in with email and password',
      access: 'public',
      body: loginRequestSchema,
      response: userResponseSchema,
      status: 200,
    },
    async (c) => {
      const input = await parseJsonBody(c, loginRequestSchema);
      limitAttempts(c, services, 'login', input.email);
      const user = await db.selectFrom('users').selectAll().where('email', '=', input.email).executeTakeFirst();
      // Verify against a decoy when the account is unknown, so timing does not reveal which emails exist.
      const valid = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), input.password);
      if (!user || !valid) throw apiErrors.invalidCredentials();
      const { token } = await sessions.create(user.id, c.req.header('user-agent') ?? null);
      setSessionCookie(c, token, config.publicUrl);
      return c.json({ user: presentUser(user) } satisfies UserResponse, 200);
    },
  );

  router.add(
    { method: 'post', path: '/api/auth/logout', tag, summary: 'Sign out this session', access: 'public', status: 204 },
    async (c) => {
      const auth = c.get('auth');
      if (auth) {
        await sessions.delete(auth.session.id);
        // This tab's sockets were opened with the ended session; its other sessions' sockets simply reconnect.
        await services.revokeSockets(auth.user.id);
      }
      clearSessionCookie(c, config.publicUrl);
      return c.body(null, 204);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/session',
      tag,
      summary: 'Who is signed in, or null (the app asks on every page, signed in or not)',
      access: 'public',
      response: sessionUserResponseSchema,
      status: 200,
    },
    (c) => {
      const auth = c.get('auth');
      return c.json({ user: auth ? presentUser(auth.user) : null } satisfies SessionUserResponse, 200);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/me',
      tag,
      summary: 'The signed-in user',
      access: 'signedIn',
      response: userResponseSchema,
      status: 200,
    },
    (c) => c.json({ user: presentUser(requireAuth(c).user) } satisfies UserResponse, 200),
  );

  router.add(
    {
      method: 'post',
      path: '/api/auth/password',
      tag,
      summary: 'Change the password; ends every other session',
      access: 'signedIn',
      body: changePasswordRequestSchema,
      response: sessionsEndedResponseSchema,
      status: 200,
    },
    async (c) => {
      const auth = requireAuth(c);
      const input = await parseJsonBody(c, changePasswordRequestSchema);
      // Each try costs an argon2 hash and could be used to guess the current password.
      limitAttempts(c, services, 'password', auth.user.id);
      const ended = await changePassword(services, auth, input);
      return c.json({ ended } satisfies SessionsEndedResponse, 200);
    },
  );
}

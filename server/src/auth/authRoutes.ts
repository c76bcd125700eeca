import {
  changePasswordRequestSchema,
  ErrorId,
  loginRequestSchema,
  type SessionsEndedResponse,
  type SessionUserResponse,
  type SignupPolicyResponse,
  sessionsEndedResponseSchema,
  sessionUserResponseSchema,
  signupPolicyResponseSchema,
  signupRequestSchema,
  type UserResponse,
  userResponseSchema,
} from '@samverka/model';
import type { AppServices } from '../appServices.ts';
import { ApiError, apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { linkPendingIdentity } from '../oidc/pendingLinks.ts';
import { createAccount } from './accountCreator.ts';
import { emailTakenAnswers, limitAttempts } from './attemptLimits.ts';
import { sendVerification } from './emailVerification.ts';
import { decoyPasswordHash, verifyPassword } from './passwords.ts';
import { changePassword, endSession } from './sessionCommands.ts';
import { clearSessionCookie, setSessionCookie } from './sessionCookie.ts';
import { checkSignupAllowed, presentSignupPolicy } from './signupPolicy.ts';
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
    async ({ c, body }) => {
      // Per address only: attempts that fail (a too-common password) must not lock the email's owner out.
      await limitAttempts(c, services, 'signup', undefined);
      await emailTakenAnswers.check(c, services);
      await checkSignupAllowed(db, config.signup, body.email, body.invitationToken);
      const user = await createAccount(db, body).catch(async (error: unknown) => {
        if (error instanceof ApiError && error.id === ErrorId.EMAIL_TAKEN) await emailTakenAnswers.count(c, services);
        throw error;
      });
      // With email, the address is confirmed by a link; until then the account cannot create
      // partnerships or get notifications (`mustVerify`).
      if (services.mailer.delivers) await sendVerification(db, services.mailer, config.publicUrl, user);
      const { token } = await sessions.create(user.id, c.req.header('user-agent') ?? null);
      setSessionCookie(c, token, config.publicUrl);
      return c.json({ user: presentUser(user, services.mailer) } satisfies UserResponse, 201);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/auth/signup-policy',
      tag,
      summary: 'Who may sign up (open, invite-only, or listed mail domains), so the page can say so',
      access: 'public',
      response: signupPolicyResponseSchema,
      status: 200,
    },
    ({ c }) => c.json(presentSignupPolicy(config.signup) satisfies SignupPolicyResponse, 200),
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
    async ({ c, body }) => {
      // Slows failures per (email, address) and per address; never the right password from a clean address.
      const attempt = await services.loginThrottle.begin(c, body.email);
      const user = await db.selectFrom('users').selectAll().where('email', '=', body.email).executeTakeFirst();
      // Verify against a decoy when the account is unknown, so timing does not reveal which emails exist.
      const valid = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), body.password);
      // A disabled account answers like a wrong password: nothing says the account exists.
      if (!user || !valid || user.disabled_at != null) throw apiErrors.invalidCredentials();
      attempt.succeeded();
      // The password proves the account: a provider identity that waited for this proof is linked now.
      await linkPendingIdentity(c, db, user.id, config.publicUrl);
      const { token } = await sessions.create(user.id, c.req.header('user-agent') ?? null);
      setSessionCookie(c, token, config.publicUrl);
      return c.json({ user: presentUser(user, services.mailer) } satisfies UserResponse, 200);
    },
  );

  router.add(
    { method: 'post', path: '/api/auth/logout', tag, summary: 'Sign out this session', access: 'public', status: 204 },
    async ({ c, identity }) => {
      // This tab's sockets were opened with the ended session; its other sessions' sockets simply reconnect.
      if (identity) await endSession(db, services.rights, identity.actor.userId, identity.auth.session.id);
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
    ({ c, identity }) =>
      c.json(
        { user: identity ? presentUser(identity.auth.user, services.mailer) : null } satisfies SessionUserResponse,
        200,
      ),
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
    ({ c, identity }) => c.json({ user: presentUser(identity.auth.user, services.mailer) } satisfies UserResponse, 200),
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
    async ({ c, identity: { auth }, body }) => {
      // Each try costs an argon2 hash and could be used to guess the current password.
      await limitAttempts(c, services, 'password', auth.user.id);
      const ended = await changePassword(db, services.rights, auth, body);
      return c.json({ ended } satisfies SessionsEndedResponse, 200);
    },
  );
}

import {
  confirmPasswordResetRequestSchema,
  passwordResetRequestSchema,
  type SessionsEndedResponse,
  sessionsEndedResponseSchema,
} from '@samverka/model';
import type { AppServices } from '../appServices.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { passwordResetEmail } from '../mail/emailTemplates.ts';
import { limitAttempts } from './attemptLimits.ts';
import { createPasswordReset, passwordResetUrl, resetPassword } from './passwordReset.ts';
import { clearSessionCookie } from './sessionCookie.ts';

/** "Forgot password": ask for a link by email, then set a new password with it. */
export function mountPasswordResetRoutes(router: ApiRouter, services: AppServices): void {
  const { db, config, mailer } = services;
  const tag = 'Accounts';

  router.add(
    {
      method: 'post',
      path: '/api/auth/password-reset',
      tag,
      summary: 'Email a link to set a new password; the same answer whether or not the account exists',
      access: 'public',
      body: passwordResetRequestSchema,
      status: 204,
    },
    async ({ c, body }) => {
      // Per address, and per email so nobody can flood one inbox; the limit applies to known and unknown emails alike.
      limitAttempts(c, services, 'reset', `email:${body.email}`);
      const reset = await createPasswordReset(db, body.email);
      if (reset) {
        const link = passwordResetUrl(config.publicUrl, reset.token);
        const written = passwordResetEmail(reset.user.locale ?? 'en', reset.user.name, link);
        // Not awaited: the answer's timing must not depend on whether an email goes out.
        mailer.sendInBackground({ kind: 'password_reset', to: reset.user.email, link, ...written });
      }
      return c.body(null, 204);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/api/auth/password-reset/confirm',
      tag,
      summary: "Set a new password with a reset link's token (once, within an hour); ends every session",
      access: 'public',
      body: confirmPasswordResetRequestSchema,
      response: sessionsEndedResponseSchema,
      status: 200,
    },
    async ({ c, body }) => {
      limitAttempts(c, services, 'reset-confirm', undefined);
      const ended = await resetPassword(db, services.rights, body);
      // Whoever was signed in on this browser was signed out with every other session.
      clearSessionCookie(c, config.publicUrl);
      return c.json({ ended } satisfies SessionsEndedResponse, 200);
    },
  );
}

import {
  accountExportSchema,
  deleteAccountRequestSchema,
  type UserResponse,
  updateMeRequestSchema,
  userResponseSchema,
} from '@samverka/model';
import type { AppServices } from '../appServices.ts';
import { limitAttempts } from '../auth/attemptLimits.ts';
import { clearSessionCookie } from '../auth/sessionCookie.ts';
import { presentUser } from '../auth/userPresenter.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { deleteAccount } from './accountDeleter.ts';
import { exportAccount } from './accountExporter.ts';

/** The signed-in person's own account: preferences, a copy of their data, deletion. */
export function mountAccountRoutes(router: ApiRouter, services: AppServices): void {
  const { db, config } = services;
  const tag = 'Accounts';

  router.add(
    {
      method: 'patch',
      path: '/api/me',
      tag,
      summary: "Change one's preferences (the language emails are written in, how notifications arrive)",
      access: 'signedIn',
      body: updateMeRequestSchema,
      response: userResponseSchema,
      status: 200,
    },
    async ({ c, identity, body }) => {
      const changes = {
        ...(body.locale ? { locale: body.locale } : {}),
        ...(body.notifications ? { notify_mode: body.notifications } : {}),
      };
      await db.updateTable('users').set(changes).where('id', '=', identity.auth.user.id).execute();
      const user = { ...identity.auth.user, ...changes };
      return c.json({ user: presentUser(user, services.mailer) } satisfies UserResponse, 200);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/me/export',
      tag,
      summary: 'Everything stored about the signed-in person, as a JSON download',
      access: 'signedIn',
      response: accountExportSchema,
      status: 200,
    },
    async ({ c, identity }) => {
      const data = await exportAccount(db, identity.auth.user);
      c.header('Content-Disposition', 'attachment; filename="samverka-account.json"');
      c.header('Cache-Control', 'no-store');
      return c.json(data, 200);
    },
  );

  router.add(
    {
      method: 'delete',
      path: '/api/me',
      tag,
      summary: "Delete one's own account (confirmed with the password); refused for a partnership's last owner",
      access: 'signedIn',
      body: deleteAccountRequestSchema,
      status: 204,
    },
    async ({ c, identity, body }) => {
      // Each try costs an argon2 check and could be used to guess the password of a stolen session.
      limitAttempts(c, services, 'password', identity.auth.user.id);
      await deleteAccount(db, services.rights, identity.auth.user, body.password);
      clearSessionCookie(c, config.publicUrl);
      return c.body(null, 204);
    },
  );
}

import { type UserResponse, updateMeRequestSchema, userResponseSchema } from '@samverka/model';
import type { AppServices } from '../appServices.ts';
import { presentUser } from '../auth/userPresenter.ts';
import type { ApiRouter } from '../http/apiRouter.ts';

/** The signed-in person's own account: preferences. */
export function mountAccountRoutes(router: ApiRouter, services: AppServices): void {
  const { db } = services;
  const tag = 'Accounts';

  router.add(
    {
      method: 'patch',
      path: '/api/me',
      tag,
      summary: "Change one's preferences (the language emails are written in)",
      access: 'signedIn',
      body: updateMeRequestSchema,
      response: userResponseSchema,
      status: 200,
    },
    async ({ c, identity, body }) => {
      await db.updateTable('users').set({ locale: body.locale }).where('id', '=', identity.auth.user.id).execute();
      const user = { ...identity.auth.user, locale: body.locale };
      return c.json({ user: presentUser(user) } satisfies UserResponse, 200);
    },
  );
}

import {
  idSchema,
  type SessionsEndedResponse,
  type SessionsResponse,
  sessionsEndedResponseSchema,
  sessionsResponseSchema,
} from '@samverka/model';
import { z } from 'zod';
import type { AppServices } from '../appServices.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { endOtherSessions, endSession } from './sessionCommands.ts';
import { presentSession } from './userPresenter.ts';

/** One's own sessions: list, sign out everywhere else, end one. */
export function mountSessionRoutes(router: ApiRouter, services: AppServices): void {
  const { sessions } = services;
  const tag = 'Accounts';

  router.add(
    {
      method: 'get',
      path: '/api/sessions',
      tag,
      summary: "The caller's sessions",
      access: 'signedIn',
      response: sessionsResponseSchema,
      status: 200,
    },
    async ({ c, identity: { auth } }) => {
      const rows = await sessions.listFor(auth.user.id);
      const body: SessionsResponse = { sessions: rows.map((row) => presentSession(row, auth.session.id)) };
      return c.json(body, 200);
    },
  );

  router.add(
    {
      method: 'delete',
      path: '/api/sessions/others',
      tag,
      summary: 'Sign out everywhere else',
      access: 'signedIn',
      response: sessionsEndedResponseSchema,
      status: 200,
    },
    async ({ c, identity: { auth } }) => {
      const ended = await endOtherSessions(services.db, services.rights, auth);
      return c.json({ ended } satisfies SessionsEndedResponse, 200);
    },
  );

  router.add(
    {
      method: 'delete',
      path: '/api/sessions/:sessionId',
      tag,
      summary: "End one of one's sessions",
      params: z.object({ sessionId: idSchema }),
      access: 'signedIn',
      status: 204,
    },
    async ({ c, identity: { auth }, params: { sessionId } }) => {
      const own = (await sessions.listFor(auth.user.id)).some((session) => session.id === sessionId);
      if (!own) throw apiErrors.notFound();
      await endSession(services.db, services.rights, auth.user.id, sessionId);
      return c.body(null, 204);
    },
  );
}

import { type InboxResponse, inboxResponseSchema } from '@samverka/model';
import { z } from 'zod';
import type { AppServices } from '../appServices.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { loadInbox, unreadInboxThreads } from './inboxQueries.ts';

/** The signed-in person's inbox across their partnerships: mentions and replies, and marking it read. */
export function mountInboxRoutes(router: ApiRouter, services: AppServices): void {
  const { db, comments } = services;
  const tag = 'Comments';

  router.add(
    {
      method: 'get',
      path: '/api/inbox',
      tag,
      summary: 'Mentions of the caller and replies in threads they started or wrote in, newest first',
      access: 'signedIn',
      response: inboxResponseSchema,
      status: 200,
    },
    async ({ c, identity }) => {
      const inbox = await loadInbox(db, identity.actor.userId);
      return c.json(inbox satisfies InboxResponse, 200);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/api/inbox/read',
      tag,
      summary: 'Mark every thread holding an unread inbox item read for the caller',
      access: 'signedIn',
      response: z.object({ threadIds: z.array(z.string()) }),
      status: 200,
    },
    async ({ c, identity }) => {
      const userId = identity.actor.userId;
      const { threads } = await unreadInboxThreads(db, userId);
      const marked: string[] = [];
      for (const [partnershipId, threadIds] of threads) {
        marked.push(...(await comments.markRead(userId, partnershipId, threadIds)));
      }
      return c.json({ threadIds: marked }, 200);
    },
  );
}

import {
  createThreadRequestSchema,
  type MessageResponse,
  messageRequestSchema,
  messageResponseSchema,
  type ThreadResponse,
  type ThreadsResponse,
  threadResponseSchema,
  threadsQuerySchema,
  threadsResponseSchema,
} from '@samverka/model';
import { z } from 'zod';
import type { AppServices } from '../appServices.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import {
  messageParams,
  messageTarget,
  partnershipParams,
  partnershipTarget,
  threadParams,
  threadTarget,
} from '../http/pathParams.ts';
import { parseValue } from '../http/validation.ts';
import { spendPostingBudget } from './postingBudget.ts';
import { findThreads } from './threadQueries.ts';
import { renderThread, renderThreads } from './threadRenderer.ts';

const markedReadSchema = z.object({ threadIds: z.array(z.string()) });

/** Threads and messages of a partnership: list, start, reply, edit, delete, resolve, reopen, mark read. */
export function mountCommentRoutes(router: ApiRouter, services: AppServices): void {
  const { db, comments } = services;
  const tag = 'Comments';

  router.add(
    {
      method: 'get',
      path: '/api/partnerships/:id/threads',
      tag,
      summary: "A partnership's comment threads, newest first, with the caller's unread state",
      params: partnershipParams,
      access: { action: 'read', target: partnershipTarget },
      query: threadsQuerySchema,
      response: threadsResponseSchema,
      status: 200,
    },
    async ({ c, grant }) => {
      const filter = parseValue(threadsQuerySchema, c.req.query());
      const rows = await findThreads(db, grant.partnership.id, filter);
      const threads = await renderThreads(db, grant.partnership.id, rows, grant.actor.userId);
      return c.json({ threads } satisfies ThreadsResponse, 200);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/api/partnerships/:id/threads',
      tag,
      summary: 'Start a thread on a goal, risk, shape, range of text or the partnership, with its first message',
      params: partnershipParams,
      access: { action: 'comment', target: partnershipTarget },
      body: createThreadRequestSchema,
      response: threadResponseSchema,
      status: 201,
    },
    async ({ c, grant, body }) => {
      await spendPostingBudget(c, services, grant.actor.userId, body.body);
      const thread = await comments.createThread(grant, body);
      return c.json({ thread } satisfies ThreadResponse, 201);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/api/partnerships/:id/threads/read',
      tag,
      summary: "Mark every thread of the partnership read for the caller (their other tabs hear a 'read' event)",
      params: partnershipParams,
      access: { action: 'read', target: partnershipTarget },
      response: markedReadSchema,
      status: 200,
    },
    async ({ c, grant }) => {
      const threadIds = await comments.markRead(grant.actor.userId, grant.partnership.id, undefined);
      return c.json({ threadIds }, 200);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/api/threads/:threadId/messages',
      tag,
      summary: 'Reply in a thread',
      params: threadParams,
      access: { action: 'comment', target: threadTarget },
      body: messageRequestSchema,
      response: messageResponseSchema,
      status: 201,
    },
    async ({ c, grant, body }) => {
      await spendPostingBudget(c, services, grant.actor.userId, body.body);
      const message = await comments.postMessage(grant, body.body);
      return c.json({ message } satisfies MessageResponse, 201);
    },
  );

  router.add(
    {
      method: 'patch',
      path: '/api/messages/:messageId',
      tag,
      summary: "Edit one's own message (shown as edited)",
      params: messageParams,
      access: { action: 'comment', target: messageTarget },
      body: messageRequestSchema,
      response: messageResponseSchema,
      status: 200,
    },
    async ({ c, grant, body }) => {
      await spendPostingBudget(c, services, grant.actor.userId, body.body);
      const message = await comments.changeMessage(grant, body.body);
      return c.json({ message } satisfies MessageResponse, 200);
    },
  );

  router.add(
    {
      method: 'delete',
      path: '/api/messages/:messageId',
      tag,
      summary: "Delete one's own message (it stays in the thread, shown as deleted, without its text)",
      params: messageParams,
      access: { action: 'comment', target: messageTarget },
      response: messageResponseSchema,
      status: 200,
    },
    async ({ c, grant }) => {
      const message = await comments.changeMessage(grant, undefined);
      return c.json({ message } satisfies MessageResponse, 200);
    },
  );

  for (const [verb, status] of [
    ['resolve', 'resolved'],
    ['reopen', 'open'],
  ] as const) {
    router.add(
      {
        method: 'post',
        path: `/api/threads/:threadId/${verb}`,
        tag,
        summary: `${verb === 'resolve' ? 'Resolve' : 'Reopen'} a thread (commenters: only threads they started)`,
        params: threadParams,
        access: { action: 'resolveOwnThread', target: threadTarget },
        response: threadResponseSchema,
        status: 200,
      },
      async ({ c, grant }) => {
        const thread = await comments.setStatus(grant, status);
        return c.json({ thread } satisfies ThreadResponse, 200);
      },
    );
  }

  router.add(
    {
      method: 'delete',
      path: '/api/threads/:threadId',
      tag,
      summary: 'Delete a thread and its messages (editors and owners; recorded in the audit trail)',
      params: threadParams,
      access: { action: 'resolveAnyThread', target: threadTarget },
      status: 204,
    },
    async ({ c, grant }) => {
      await comments.deleteThread(grant);
      return c.body(null, 204);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/api/threads/:threadId/read',
      tag,
      summary: 'Mark a thread read for the caller up to its latest message',
      params: threadParams,
      access: { action: 'read', target: threadTarget },
      response: threadResponseSchema,
      status: 200,
    },
    async ({ c, grant }) => {
      await comments.markRead(grant.actor.userId, grant.thread.partnership_id, [grant.thread.id]);
      const thread = await renderThread(db, grant.thread.id, grant.actor.userId);
      return c.json({ thread } as ThreadResponse, 200);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/partnerships/:id/events',
      tag,
      summary:
        "Server-Sent Events of the partnership's threads, messages and the caller's read state; resumes after Last-Event-ID",
      params: partnershipParams,
      access: { action: 'read', target: partnershipTarget },
      status: 200,
    },
    ({ c, grant }) => services.events.respond(c, grant),
  );
}

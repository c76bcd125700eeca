import {
  type ApiErrorBody,
  ErrorId,
  type MessageResponse,
  mentionToken,
  type ThreadResponse,
  type UserResponse,
} from '@samverka/model';
import { afterEach, describe, expect, it } from 'vitest';
import { addMember, apiCall, type TestAccount } from '../support/testAccounts.ts';
import { type AbuseSetup, expectWithinBounds, startAbuseSetup, Watch } from './abuseHarness.ts';

let setup: AbuseSetup | undefined;

afterEach(async () => {
  await setup?.stop();
  setup = undefined;
});

/** The default `COMMENT_POSTS_PER_MINUTE`: the test runs with it, as a server does. */
const POSTS_PER_MINUTE = 30;
/** Low here so that the test needs few accounts; the default is 20. */
const MENTIONS_PER_MESSAGE = 3;
const FLOOD_POSTS = 300;
/** Requests in flight at once, as a script on one connection pool would send them. */
const CONCURRENCY = 20;

async function userIdOf(account: TestAccount): Promise<string> {
  const me = await apiCall<UserResponse>(account, 'GET', '/api/me');
  return me.body.user.id;
}

function reply(account: TestAccount, threadId: string, body: string) {
  return apiCall<MessageResponse | ApiErrorBody>(account, 'POST', `/api/threads/${threadId}/messages`, { body });
}

describe('abuse: one member floods the comments', () => {
  it('accepts an account’s posts up to its budget per minute, answers 429 beyond it, and never touches another member’s', async () => {
    setup = await startAbuseSetup({ COMMENT_MENTIONS_PER_MESSAGE: String(MENTIONS_PER_MESSAGE) });
    const { owner, editor, partnershipId } = setup;
    const thread = await apiCall<ThreadResponse>(owner, 'POST', `/api/partnerships/${partnershipId}/threads`, {
      anchor: { type: 'partnership' },
      body: 'Where do we meet in March?',
    });
    expect(thread.status).toBe(201);
    const threadId = thread.body.thread.id;

    const watch = await Watch.start(setup);
    const started = Date.now();
    const statuses: number[] = [];
    const refusals = new Set<string>();
    for (let sent = 0; sent < FLOOD_POSTS; sent += CONCURRENCY) {
      const wave = await Promise.all(
        Array.from({ length: CONCURRENCY }, (_, i) => reply(editor, threadId, `spam ${sent + i}`)),
      );
      for (const answer of wave) {
        statuses.push(answer.status);
        if (answer.status !== 201) refusals.add((answer.body as ApiErrorBody).error.id);
      }
    }
    const elapsedMs = Date.now() - started;
    // The limiter's window is fixed: a flood that outlasts a minute may spend a second budget.
    const budget = POSTS_PER_MINUTE * (1 + Math.floor(elapsedMs / 60_000));
    const accepted = statuses.filter((status) => status === 201).length;
    process.stdout.write(`comment flood ${JSON.stringify({ sent: FLOOD_POSTS, accepted, budget, elapsedMs })}\n`);
    expect(accepted, 'posts accepted from the flooding account').toBeLessThanOrEqual(budget);
    expect(accepted, 'the budget itself is granted').toBeGreaterThanOrEqual(POSTS_PER_MINUTE);
    expect(new Set(statuses.filter((status) => status !== 201))).toEqual(new Set([429]));
    expect([...refusals]).toEqual([ErrorId.RATE_LIMITED]);

    // The refusal says when to come back; the well-behaved clients never noticed the flood.
    const once = await fetch(`${owner.origin}/api/threads/${threadId}/messages`, {
      method: 'POST',
      headers: { origin: owner.origin, cookie: editor.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'one more' }),
    });
    expect(once.status).toBe(429);
    expect(Number(once.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expectWithinBounds(await watch.stop());

    // The budget is the flooder's own: the owner replies at once.
    expect((await reply(owner, threadId, 'Let us meet in Växjö')).status).toBe(201);
  }, 180_000);

  it('refuses a message that mentions more people than the limit, before storing it', async () => {
    setup = await startAbuseSetup({ COMMENT_MENTIONS_PER_MESSAGE: String(MENTIONS_PER_MESSAGE) });
    const { owner, editor, viewer, partnershipId } = setup;
    const commenter = await addMember(owner, partnershipId, 'commenter');
    const members = [owner, editor, viewer, commenter];
    const ids = await Promise.all(members.map(userIdOf));
    const mentioning = (count: number) =>
      `Please read ${ids
        .slice(0, count)
        .map((id) => mentionToken(id))
        .join(' ')}`;

    const tooMany = await apiCall<ApiErrorBody>(owner, 'POST', `/api/partnerships/${partnershipId}/threads`, {
      anchor: { type: 'partnership' },
      body: mentioning(MENTIONS_PER_MESSAGE + 1),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.id).toBe(ErrorId.TOO_MANY_MENTIONS);

    const allowed = await apiCall<ThreadResponse>(owner, 'POST', `/api/partnerships/${partnershipId}/threads`, {
      anchor: { type: 'partnership' },
      body: mentioning(MENTIONS_PER_MESSAGE),
    });
    expect(allowed.status).toBe(201);
    const threadId = allowed.body.thread.id;
    const replyTooMany = await reply(owner, threadId, mentioning(MENTIONS_PER_MESSAGE + 1));
    expect(replyTooMany.status).toBe(400);
    expect((replyTooMany.body as ApiErrorBody).error.id).toBe(ErrorId.TOO_MANY_MENTIONS);
    const firstMessageId = allowed.body.thread.messages[0]?.id as string;
    const editTooMany = await apiCall<ApiErrorBody>(owner, 'PATCH', `/api/messages/${firstMessageId}`, {
      body: mentioning(MENTIONS_PER_MESSAGE + 1),
    });
    expect(editTooMany.status).toBe(400);
    expect(editTooMany.body.error.id).toBe(ErrorId.TOO_MANY_MENTIONS);
    // Nothing of the refused messages was stored: the thread holds its first message only.
    const threads = await apiCall<{ threads: Array<{ id: string; messages: unknown[] }> }>(
      owner,
      'GET',
      `/api/partnerships/${partnershipId}/threads`,
    );
    expect(threads.body.threads.map((t) => t.id)).toEqual([threadId]);
    expect(threads.body.threads[0]?.messages).toHaveLength(1);
  }, 120_000);
});

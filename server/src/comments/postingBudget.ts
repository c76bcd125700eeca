import { mentionedUserIds } from '@samverka/model';
import type { Context } from 'hono';
import type { AppServices } from '../appServices.ts';
import { apiErrors } from '../http/apiErrors.ts';

/** The window of `COMMENT_POSTS_PER_MINUTE`. */
const MINUTE_MS = 60_000;

/**
 * What one account may post, checked before the post is looked at further:
 * every thread, reply and edit is stored, logged as an event and pushed to
 * every open stream of the partnership (mentions also to inboxes), so without
 * a budget one member, or a stolen session, could flood every other member's
 * screen and the server's event log. Counted per account, not per address, in
 * the shared counters (Redis) when there are several processes.
 *
 * A message naming more people than `mentionsPerMessage` answers 400
 * `too_many_mentions` and is not counted; past `postsPerMinute` the answer is
 * 429 `rate_limited` with Retry-After.
 */
export async function spendPostingBudget(
  c: Context,
  services: AppServices,
  userId: string,
  body: string | undefined,
): Promise<void> {
  const { postsPerMinute, mentionsPerMessage } = services.config.comments;
  if (body !== undefined && mentionedUserIds(body).length > mentionsPerMessage) {
    throw apiErrors.tooManyMentions(mentionsPerMessage);
  }
  const wait = await services.rateLimiter.hit(`comment-post:account:${userId}`, {
    limit: postsPerMinute,
    windowMs: MINUTE_MS,
  });
  if (wait === undefined) return;
  c.header('Retry-After', String(wait));
  throw apiErrors.commentsRateLimited();
}

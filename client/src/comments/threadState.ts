import type { CommentMessage, CommentThread, PartnershipEvent, ThreadAnchor } from '@samverka/model';
import { anchorKey } from './commentsApi.ts';

/** The partnership's threads as this browser knows them, by id. */
export type ThreadMap = ReadonlyMap<string, CommentThread>;

/** What applying an event did: the new map, and whether the store must refetch (an event about an unknown thread). */
export interface Applied {
  threads: ThreadMap;
  refetch: boolean;
}

function byCreatedAt(a: { createdAt: string }, b: { createdAt: string }): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

function withMessage(thread: CommentThread, message: CommentMessage, myUserId: string | undefined): CommentThread {
  const known = thread.messages.some((m) => m.id === message.id);
  const messages = known
    ? thread.messages.map((m) => (m.id === message.id ? message : m))
    : [...thread.messages, message].sort(byCreatedAt);
  // Someone else's new message is unread until this person opens the thread (the server sends `read` then).
  const unread = thread.unread || (!known && message.author?.userId !== myUserId);
  return { ...thread, messages, unread };
}

/**
 * Applies one server event to the map. Pure, so the stream's ordering rules are
 * unit-tested: a `thread` event carries the whole thread as the recipient sees it
 * and replaces ours; a `message` is inserted or replaced by id; `read` clears unread.
 */
export function applyEvent(threads: ThreadMap, event: PartnershipEvent, myUserId: string | undefined): Applied {
  switch (event.type) {
    case 'thread': {
      const next = new Map(threads);
      next.set(event.thread.id, event.thread);
      return { threads: next, refetch: false };
    }
    case 'message': {
      const thread = threads.get(event.message.threadId);
      if (!thread) return { threads, refetch: true };
      const next = new Map(threads);
      next.set(thread.id, withMessage(thread, event.message, myUserId));
      return { threads: next, refetch: false };
    }
    case 'read': {
      const next = new Map(threads);
      for (const id of event.threadIds) {
        const thread = next.get(id);
        if (thread?.unread) next.set(id, { ...thread, unread: false });
      }
      return { threads: next, refetch: false };
    }
    default:
      return { threads, refetch: false };
  }
}

export const THREAD_FILTERS = ['open', 'resolved', 'mine', 'mentions'] as const;
export type ThreadFilter = (typeof THREAD_FILTERS)[number];

/** Which threads a list shows: a status/person filter and optionally only some anchors. */
export interface ThreadQuery {
  filter?: ThreadFilter | 'all';
  /** Only threads whose anchor passes, e.g. `(a) => a.type === 'goal'`. */
  anchor?: (anchor: ThreadAnchor) => boolean;
}

/** "Mine": threads the person started or wrote in. "Mentioning me": a live message mentions them. */
export function matchesFilter(thread: CommentThread, filter: ThreadQuery['filter'], myUserId: string | undefined) {
  switch (filter) {
    case 'open':
      return thread.status === 'open';
    case 'resolved':
      return thread.status === 'resolved';
    case 'mine':
      return (
        thread.createdBy?.userId === myUserId ||
        thread.messages.some((m) => m.author?.userId === myUserId && !m.deletedAt)
      );
    case 'mentions':
      return myUserId !== undefined && thread.messages.some((m) => !m.deletedAt && m.mentions.includes(myUserId));
    default:
      return true;
  }
}

/** Newest activity first: a thread moves up when someone writes in it. */
export function lastActivity(thread: CommentThread): string {
  return thread.messages.at(-1)?.createdAt ?? thread.createdAt;
}

export function selectThreads(threads: ThreadMap, query: ThreadQuery, myUserId: string | undefined): CommentThread[] {
  return [...threads.values()]
    .filter((thread) => matchesFilter(thread, query.filter, myUserId) && (query.anchor?.(thread.anchor) ?? true))
    .sort((a, b) => (lastActivity(a) < lastActivity(b) ? 1 : -1));
}

/** Thread counts per anchor key (open threads, and all), for goal and risk badges. */
export function countByAnchor(threads: ThreadMap): Map<string, { open: number; all: number; unread: boolean }> {
  const counts = new Map<string, { open: number; all: number; unread: boolean }>();
  for (const thread of threads.values()) {
    const key = anchorKey(thread.anchor);
    const count = counts.get(key) ?? { open: 0, all: 0, unread: false };
    count.all += 1;
    if (thread.status === 'open') count.open += 1;
    if (thread.unread) count.unread = true;
    counts.set(key, count);
  }
  return counts;
}

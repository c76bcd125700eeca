import type { CommentMessage, CommentThread } from '@samverka/model';
import { describe, expect, it } from 'vitest';
import { applyEvent, countByAnchor, selectThreads, type ThreadMap } from './threadState.ts';

const author = (userId: string) => ({ userId, name: userId, side: 'university' as const });
const message = (id: string, threadId: string, by: string, createdAt: string, body = 'hi'): CommentMessage => ({
  id,
  threadId,
  author: author(by),
  body,
  mentions: [...body.matchAll(/@\[([\w-]+)\]/g)].map((m) => m[1] as string),
  createdAt,
  editedAt: null,
  deletedAt: null,
});
const thread = (
  id: string,
  by: string,
  messages: CommentMessage[],
  extra: Partial<CommentThread> = {},
): CommentThread => ({
  id,
  partnershipId: 'p1',
  anchor: { type: 'goal', goalId: 'g1' },
  status: 'open',
  createdBy: author(by),
  createdAt: messages[0]?.createdAt ?? '2026-01-01T00:00:00.000Z',
  resolvedAt: null,
  resolvedBy: null,
  messages,
  unread: false,
  ...extra,
});
const mapOf = (...threads: CommentThread[]): ThreadMap => new Map(threads.map((t) => [t.id, t]));

describe('applyEvent', () => {
  const t1 = thread('t1', 'ann', [message('m1', 't1', 'ann', '2026-01-01T10:00:00.000Z')]);

  it("appends someone else's new message in time order and marks the thread unread", () => {
    const { threads, refetch } = applyEvent(
      mapOf(t1),
      { type: 'message', message: message('m2', 't1', 'bo', '2026-01-01T11:00:00.000Z') },
      'ann',
    );
    expect(refetch).toBe(false);
    expect(threads.get('t1')?.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(threads.get('t1')?.unread).toBe(true);
  });

  it('replaces an edited message in place and leaves my own messages read', () => {
    const edited = {
      ...message('m1', 't1', 'ann', '2026-01-01T10:00:00.000Z', 'changed'),
      editedAt: '2026-01-01T12:00:00.000Z',
    };
    const { threads } = applyEvent(mapOf(t1), { type: 'message', message: edited }, 'ann');
    expect(threads.get('t1')?.messages).toEqual([edited]);
    expect(threads.get('t1')?.unread).toBe(false);
  });

  it('applying the same message twice (API answer and stream echo) keeps one copy', () => {
    const m2 = message('m2', 't1', 'ann', '2026-01-01T11:00:00.000Z');
    const once = applyEvent(mapOf(t1), { type: 'message', message: m2 }, 'ann').threads;
    const twice = applyEvent(once, { type: 'message', message: m2 }, 'ann').threads;
    expect(twice.get('t1')?.messages).toHaveLength(2);
  });

  it('asks for a refetch when a message belongs to a thread it does not know', () => {
    const result = applyEvent(
      mapOf(t1),
      { type: 'message', message: message('m9', 't9', 'bo', '2026-01-02T00:00:00.000Z') },
      'ann',
    );
    expect(result.refetch).toBe(true);
    expect(result.threads.has('t9')).toBe(false);
  });

  it('a thread event replaces the thread; a read event clears unread', () => {
    const resolved = { ...t1, status: 'resolved' as const, unread: true };
    const afterThread = applyEvent(mapOf(t1), { type: 'thread', thread: resolved }, 'ann').threads;
    expect(afterThread.get('t1')?.status).toBe('resolved');
    const afterRead = applyEvent(afterThread, { type: 'read', threadIds: ['t1'] }, 'ann').threads;
    expect(afterRead.get('t1')?.unread).toBe(false);
  });
});

describe('selectThreads', () => {
  const mine = thread('a', 'ann', [message('a1', 'a', 'ann', '2026-01-01T10:00:00.000Z')]);
  const mentionsMe = thread('b', 'bo', [message('b1', 'b', 'bo', '2026-01-01T11:00:00.000Z', 'ask @[ann]')]);
  const resolved = thread('c', 'bo', [message('c1', 'c', 'bo', '2026-01-01T09:00:00.000Z')], {
    status: 'resolved',
    anchor: { type: 'risk', riskId: 'r1' },
  });
  const all = mapOf(mine, mentionsMe, resolved);

  it('filters by status, by who wrote, by who is mentioned, newest activity first', () => {
    const ids = (filter: Parameters<typeof selectThreads>[1]['filter']) =>
      selectThreads(all, { filter }, 'ann').map((t) => t.id);
    expect(ids('all')).toEqual(['b', 'a', 'c']);
    expect(ids('open')).toEqual(['b', 'a']);
    expect(ids('resolved')).toEqual(['c']);
    expect(ids('mine')).toEqual(['a']);
    expect(ids('mentions')).toEqual(['b']);
  });

  it('limits to anchors and counts per anchor', () => {
    expect(selectThreads(all, { anchor: (a) => a.type === 'risk' }, 'ann').map((t) => t.id)).toEqual(['c']);
    expect(countByAnchor(all).get('goal:g1')).toEqual({ open: 2, all: 2, unread: false });
    expect(countByAnchor(all).get('risk:r1')).toEqual({ open: 0, all: 1, unread: false });
  });
});

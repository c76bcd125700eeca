import type { Member } from '@samverka/model';
import { describe, expect, it } from 'vitest';
import { bodyParts, bodyToDraft, draftToBody, mentionCandidates, mentionQueryAt } from './mentions.ts';

const member = (userId: string, name: string): Member => ({
  userId,
  name,
  email: `${userId}@example.org`,
  role: 'editor',
  side: 'university',
  joinedAt: '2026-01-01T00:00:00.000Z',
});
const anna = member('u-anna', 'Anna Lind');
const ann = member('u-ann', 'Ann');

describe('mentions', () => {
  it('splits a body at its tokens', () => {
    expect(bodyParts('Hi @[u-anna], see @[u-ann]!')).toEqual([
      { text: 'Hi ' },
      { mention: 'u-anna' },
      { text: ', see ' },
      { mention: 'u-ann' },
      { text: '!' },
    ]);
  });

  it('turns picked names into tokens, longer names first so "Ann" does not eat "Anna Lind"', () => {
    const picked = new Map([
      ['Ann', 'u-ann'],
      ['Anna Lind', 'u-anna'],
    ]);
    expect(draftToBody('@Anna Lind and @Ann', picked)).toBe('@[u-anna] and @[u-ann]');
  });

  it('round-trips a body through the draft', () => {
    const { draft, picked } = bodyToDraft('Ask @[u-anna] and @[u-gone]', [anna]);
    expect(draft).toBe('Ask @Anna Lind and @[u-gone]');
    expect(draftToBody(draft, picked)).toBe('Ask @[u-anna] and @[u-gone]');
  });

  it('finds the query typed after @ at the caret, not inside a word', () => {
    expect(mentionQueryAt('Hello @An', 9)).toEqual({ start: 6, query: 'An' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail@An', 7)).toBeUndefined();
    expect(mentionQueryAt('@Anna Lind ', 11)).toBeUndefined();
  });

  it('offers members whose name has a word starting with the query', () => {
    expect(mentionCandidates([anna, ann], 'lin')).toEqual([anna]);
    expect(mentionCandidates([anna, ann], '')).toEqual([anna, ann]);
  });
});

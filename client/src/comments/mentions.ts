import { MENTION_PATTERN, type Member, mentionToken } from '@samverka/model';

/** A piece of a message body: plain text, or a mention of a member id. */
export type BodyPart = { text: string } | { mention: string };

/** Splits a stored body at its `@[id]` tokens. */
export function bodyParts(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(new RegExp(MENTION_PATTERN.source, 'g'))) {
    if (match.index > last) parts.push({ text: body.slice(last, match.index) });
    parts.push({ mention: match[1] as string });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}

/**
 * The input shows `@Name` where the body stores `@[id]`: people read names, the server
 * reads ids. `picked` remembers which name stands for which member in this draft.
 */
export type PickedMentions = ReadonlyMap<string, string>;

/** The stored body for a draft: each picked `@Name` becomes its member's token (longest names first). */
export function draftToBody(draft: string, picked: PickedMentions): string {
  let body = draft;
  const names = [...picked.keys()].sort((a, b) => b.length - a.length);
  for (const name of names) body = body.split(`@${name}`).join(mentionToken(picked.get(name) as string));
  return body;
}

/** A stored body as an editable draft, with the names its mentions stand for. */
export function bodyToDraft(body: string, members: readonly Member[]): { draft: string; picked: PickedMentions } {
  const picked = new Map<string, string>();
  const draft = bodyParts(body)
    .map((part) => {
      if ('text' in part) return part.text;
      const member = members.find((m) => m.userId === part.mention);
      if (!member) return mentionToken(part.mention);
      picked.set(member.name, member.userId);
      return `@${member.name}`;
    })
    .join('');
  return { draft, picked };
}

/** The `@query` being typed just before the caret, if any: where it starts and what is typed. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | undefined {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\s@[\]]{0,40})$/.exec(before);
  if (!match) return undefined;
  return { start: caret - (match[2] as string).length - 1, query: match[2] as string };
}

/** Members whose name or email starts a word with the query, at most eight. */
export function mentionCandidates(members: readonly Member[], query: string): Member[] {
  const q = query.toLocaleLowerCase();
  return members
    .filter(
      (m) =>
        !q ||
        m.name
          .toLocaleLowerCase()
          .split(/\s+/)
          .some((w) => w.startsWith(q)) ||
        m.email.startsWith(q),
    )
    .slice(0, 8);
}

import { COMMENT_QUOTE_MAX_LENGTH, type ThreadAnchor } from '@samverka/model';
import type { Node as PmNode } from '@tiptap/pm/model';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

/**
 * Text anchors: a comment thread on a range of a y-prosemirror-bound document.
 *
 * An anchor holds two Yjs relative positions, each pointing AT a character of the
 * range (the first and the last, associated to the left, i.e. "just after this
 * character"), plus the quote it was made on. Pointing at characters rather than at
 * gaps means text typed just before or just after the range never enters it.
 *
 * Resolving (see `resolveTextAnchor`) gives the current range, or "detached", or
 * "pending" (this replica lacks the characters yet). It never lands on other text:
 * an attached range is bounded by the very characters it was made on, with nothing
 * of them deleted (text typed inside since is part of it), or, when a paragraph split
 * or join made y-prosemirror re-create those characters, it is an exact copy of the
 * quote whose ends are the surviving characters or sit where y-prosemirror moves the
 * text of a split or joined paragraph. Whitespace and paragraph boundaries are ignored
 * when comparing with the quote.
 */

export type TextAnchor = Extract<ThreadAnchor, { type: 'text' }>;

type ProsemirrorMapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/** A Y.Doc's content fragment and the ProseMirror document bound to it now. */
export interface BoundDocument {
  ydoc: Y.Doc;
  fragment: Y.XmlFragment;
  pmDoc: PmNode;
  mapping: ProsemirrorMapping;
}

export type AnchorResolution =
  | { status: 'attached'; from: number; to: number }
  /** The anchored words are gone (deleted, or no longer matching the quote). */
  | { status: 'detached' }
  /** This replica has not yet received the text the anchor was made on. */
  | { status: 'pending' };

/** What inline leaves (mentions) contribute to a quote: their stored label, stable across renames. */
function leafText(node: PmNode): string {
  const label = node.attrs.label;
  return typeof label === 'string' && label ? `@${label}` : '';
}

const WHITESPACE = /\s/;

/** The comparison key of a text: its characters without any whitespace. */
export function quoteKey(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The positions of every non-whitespace character of text nodes in [from, to), in order, with the character. */
function textCharacters(pmDoc: PmNode, from = 0, to = pmDoc.content.size): { pos: number; char: string }[] {
  const chars: { pos: number; char: string }[] = [];
  pmDoc.nodesBetween(from, to, (node, pos) => {
    if (node.isText) {
      const text = node.text ?? '';
      for (let i = Math.max(0, from - pos); i < text.length && pos + i < to; i++) {
        const char = text[i] as string;
        if (!WHITESPACE.test(char)) chars.push({ pos: pos + i, char });
      }
    } else if (node.isLeaf && node.isInline) {
      const text = quoteKey(leafText(node));
      for (const char of text) chars.push({ pos, char });
    }
    return true;
  });
  return chars;
}

/**
 * The selection [from, to) shrunk to its first and last non-whitespace text character,
 * or null when it holds none. Comments are made on words, never on bare gaps.
 */
export function trimToText(pmDoc: PmNode, from: number, to: number): { from: number; to: number } | null {
  const chars = textCharacters(pmDoc, from, to).filter((c) => pmDoc.resolve(c.pos).parent.isTextblock);
  const first = chars.find((c) => pmDoc.nodeAt(c.pos)?.isText);
  const last = chars.findLast((c) => pmDoc.nodeAt(c.pos)?.isText);
  if (!first || !last) return null;
  return { from: first.pos, to: last.pos + 1 };
}

/** The quote shown for a range: block boundaries as line breaks, mentions by their stored label. */
export function quoteOf(pmDoc: PmNode, from: number, to: number): string {
  return pmDoc.textBetween(from, to, '\n', leafText);
}

/**
 * Makes an anchor on the words of [from, to) (trimmed to text), or null when the
 * selection holds no text. Needs no write access: nothing is written to the document.
 */
export function createTextAnchor(
  documentId: string,
  bound: BoundDocument,
  from: number,
  to: number,
): { anchor: TextAnchor; from: number; to: number } | null {
  const range = trimToText(bound.pmDoc, from, to);
  if (!range) return null;
  // "Just after the first character" and "just after the last": both positions sit on anchored characters.
  const start = absolutePositionToRelativePosition(range.from + 1, bound.fragment, bound.mapping) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(range.to, bound.fragment, bound.mapping) as Y.RelativePosition;
  if (start.item === null || end.item === null) return null;
  let quote = quoteOf(bound.pmDoc, range.from, range.to);
  if (quote.length > COMMENT_QUOTE_MAX_LENGTH) quote = `${quote.slice(0, COMMENT_QUOTE_MAX_LENGTH - 1)}…`;
  return {
    anchor: {
      type: 'text',
      documentId,
      start: toBase64(Y.encodeRelativePosition(start)),
      end: toBase64(Y.encodeRelativePosition(end)),
      quote,
    },
    ...range,
  };
}

type Endpoint =
  /** The anchored character exists and sits at `char` in the ProseMirror document. */
  | { state: 'alive'; char: number }
  /**
   * The character was deleted, or re-created by a structural edit. `paragraphGone`: its
   * whole paragraph went too (a join moves a paragraph's text into the one before it).
   */
  | { state: 'gone'; paragraphGone: boolean }
  /** This replica has not received the character yet. */
  | { state: 'unknown' };

function decode(encoded: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(fromBase64(encoded));
  } catch {
    return null;
  }
}

/** Where the character a relative position points at is now, if it still exists in this fragment. */
function endpointOf(encoded: string, bound: BoundDocument): Endpoint {
  const rpos = decode(encoded);
  const id = rpos?.item;
  if (!rpos || !id) return { state: 'gone', paragraphGone: true };
  if (Y.getState(bound.ydoc.store, id.client) <= id.clock) return { state: 'unknown' };
  const item = Y.getItem(bound.ydoc.store, id);
  if (!(item instanceof Y.Item)) return { state: 'gone', paragraphGone: true };
  // A character inside a deleted paragraph is gone too, even though its own item is not marked deleted.
  let type = item.parent as Y.AbstractType<unknown> | null;
  while (type?._item) {
    if (type._item.deleted) return { state: 'gone', paragraphGone: true };
    type = type._item.parent as Y.AbstractType<unknown>;
  }
  if (type !== bound.fragment) return { state: 'gone', paragraphGone: true };
  if (item.deleted) return { state: 'gone', paragraphGone: false };
  const after = relativePositionToAbsolutePosition(bound.ydoc, bound.fragment, rpos, bound.mapping);
  return after === null ? { state: 'gone', paragraphGone: true } : { state: 'alive', char: after - 1 };
}

/**
 * Where a deleted character was: Yjs keeps deleted characters in place, so the position
 * still resolves to the gap they left (for a character of a deleted paragraph, the
 * place that paragraph had).
 */
function ghostOf(encoded: string, bound: BoundDocument): number | null {
  const rpos = decode(encoded);
  return rpos ? relativePositionToAbsolutePosition(bound.ydoc, bound.fragment, rpos, bound.mapping) : null;
}

/**
 * Whether the character at `at` is where y-prosemirror puts text it re-created from a
 * character lost at `ghost`. A join deletes the joined paragraph (`paragraphGone`) and
 * re-creates its text at the end of the paragraph before it, which ends right at the
 * ghost. A split deletes the tail of a paragraph, leaving the ghost in it, and
 * re-creates the tail as the next paragraph (or, if it rewrote the head instead, the
 * previous one). Text lost in place, its paragraph still there, is a deletion: the same
 * words typed again in that paragraph are not the words the thread was made on.
 */
function movedThere(pmDoc: PmNode, ghost: number, at: number, paragraphGone: boolean): boolean {
  const $ghost = pmDoc.resolve(ghost);
  const block = pmDoc.resolve(at).index(0);
  if (paragraphGone) return $ghost.depth === 0 && block === $ghost.index(0) - 1;
  return $ghost.depth > 0 && Math.abs(block - $ghost.index(0)) === 1;
}

function holds(item: Y.Item, id: Y.ID): boolean {
  return item.id.client === id.client && item.id.clock <= id.clock && id.clock < item.id.clock + item.length;
}

/**
 * Whether anything was deleted between the characters two relative positions point at,
 * walking every item of the fragment (deleted ones too) in document order.
 */
function deletedBetween(fragment: Y.XmlFragment, start: string, end: string): boolean {
  const startId = decode(start)?.item;
  const endId = decode(end)?.item;
  if (!startId || !endId) return true;
  let inside = false;
  let found = false;
  let done = false;
  const walk = (type: Y.AbstractType<unknown>) => {
    for (let item = type._start; item && !done; item = item.right) {
      const atStart = holds(item, startId);
      const atEnd = holds(item, endId);
      if (atStart) inside = true;
      // Deleted content counts (a character, a mention, a paragraph); a formatting change does
      // not (Yjs keeps `countable` when it garbage-collects a deleted item's content).
      if (inside && item.deleted && item.countable && !atStart && !atEnd) found = true;
      if (!item.deleted && item.content instanceof Y.ContentType) walk(item.content.type);
      if (atEnd) done = true;
    }
  };
  walk(fragment as unknown as Y.AbstractType<unknown>);
  return found || !done;
}

/** Every exact occurrence of `key` in the document's characters, as ranges. */
function occurrences(chars: { pos: number; char: string }[], key: string): { from: number; to: number }[] {
  const text = chars.map((c) => c.char).join('');
  // Leaves (mentions) add several characters at one position; only text-character starts are candidates.
  const found: { from: number; to: number }[] = [];
  for (let i = text.indexOf(key); i !== -1; i = text.indexOf(key, i + 1)) {
    const first = chars[i];
    const last = chars[i + key.length - 1];
    if (first && last) found.push({ from: first.pos, to: last.pos + 1 });
  }
  return found;
}

/**
 * Where the anchor's words are now. Attached ranges are always bounded by the words
 * the anchor was made on; text typed inside the range since is part of it. Anything
 * else is detached: the first or last word deleted, a word inside deleted, or the
 * quote no longer found where the anchor points.
 */
export function resolveTextAnchor(anchor: TextAnchor, bound: BoundDocument): AnchorResolution {
  const key = quoteKey(anchor.quote);
  if (!key) return { status: 'detached' };
  const start = endpointOf(anchor.start, bound);
  const end = endpointOf(anchor.end, bound);
  if (start.state === 'unknown' || end.state === 'unknown') return { status: 'pending' };

  if (start.state === 'alive' && end.state === 'alive') {
    const from = start.char;
    const to = end.char + 1;
    if (from >= to) return { status: 'detached' };
    // Items never move, so with nothing deleted between the two characters every anchored
    // character is still there, whatever was typed inside. After a deletion inside, only
    // the quote's own text (whitespace aside) is accepted: no anchored character was lost.
    if (!deletedBetween(bound.fragment, anchor.start, anchor.end)) return { status: 'attached', from, to };
    const inside = textCharacters(bound.pmDoc, from, to)
      .map((c) => c.char)
      .join('');
    return inside === key ? { status: 'attached', from, to } : { status: 'detached' };
  }

  // A split or join re-created anchored characters (y-prosemirror rewrites the moved part of a
  // paragraph as new characters): accept only an exact copy of the quote, each end either on
  // its surviving character or in the paragraph the lost one's text was moved to.
  const found = occurrences(textCharacters(bound.pmDoc), key);
  const fits = (endpoint: Endpoint, encoded: string, at: number) => {
    if (endpoint.state === 'alive') return endpoint.char === at;
    if (endpoint.state !== 'gone') return false;
    const ghost = ghostOf(encoded, bound);
    // A deleted paragraph's characters are garbage-collected with it, leaving no place to
    // compare with: then only the quote's one occurrence in the document will do.
    if (ghost === null) return endpoint.paragraphGone && found.length === 1;
    return movedThere(bound.pmDoc, ghost, at, endpoint.paragraphGone);
  };
  const match = found.find((range) => fits(start, anchor.start, range.from) && fits(end, anchor.end, range.to - 1));
  return match ? { status: 'attached', ...match } : { status: 'detached' };
}

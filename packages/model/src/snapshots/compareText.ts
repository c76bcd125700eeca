import * as Y from 'yjs';
import type { SectionChange } from '../api/snapshots.ts';

/** A part of a text document: a heading and the blocks under it, up to the next heading. */
export interface TextSection {
  /** '' for what comes before the first heading. */
  heading: string;
  level: number | null;
  /** The blocks' plain text, one line per block (list items and table cells each on their own line). */
  text: string;
}

/** Inline nodes Tiptap keeps among text runs; every other element is a block. */
const INLINE_NODES = new Set(['mention', 'hardBreak', 'image']);

/** Plain text of one node: inline content joined, block children one per line. */
function plainText(item: unknown): string {
  if (item instanceof Y.XmlText) {
    return (item.toDelta() as { insert: unknown }[])
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
  }
  if (!(item instanceof Y.XmlElement)) return '';
  if (item.nodeName === 'mention') {
    const label = item.getAttribute('label') ?? item.getAttribute('id') ?? '';
    return `@${String(label)}`;
  }
  if (item.nodeName === 'hardBreak') return '\n';
  const children = item.toArray();
  const blocks = children.some((child) => child instanceof Y.XmlElement && !INLINE_NODES.has(child.nodeName));
  return children
    .map(plainText)
    .filter((text) => !blocks || text !== '')
    .join(blocks ? '\n' : '');
}

/** The document's sections in order; the first one (heading '') holds what precedes the first heading. */
export function textSections(fragment: Y.XmlFragment): TextSection[] {
  const sections: TextSection[] = [{ heading: '', level: null, text: '' }];
  const lines: string[][] = [[]];
  for (const block of fragment.toArray()) {
    if (block instanceof Y.XmlElement && block.nodeName === 'heading') {
      const level = Number(block.getAttribute('level'));
      sections.push({ heading: plainText(block).trim(), level: Number.isFinite(level) ? level : null, text: '' });
      lines.push([]);
      continue;
    }
    const text = plainText(block);
    if (text !== '') lines[lines.length - 1]?.push(text);
  }
  sections.forEach((section, n) => {
    section.text = (lines[n] ?? []).join('\n');
  });
  return sections;
}

/** Sections keyed by heading and, for a heading used twice, its order: the pairing of before and after. */
function keyed(sections: readonly TextSection[]): Map<string, TextSection> {
  const seen = new Map<string, number>();
  const byKey = new Map<string, TextSection>();
  for (const section of sections) {
    const count = seen.get(section.heading) ?? 0;
    seen.set(section.heading, count + 1);
    byKey.set(`${count}\u0000${section.heading}`, section);
  }
  return byKey;
}

/**
 * The sections that differ: text changed, heading added (before null) or
 * removed (after null). The untitled opening section counts only when its
 * text differs. In the after document's order, then the removed ones.
 */
export function compareSections(before: readonly TextSection[], after: readonly TextSection[]): SectionChange[] {
  const was = keyed(before);
  const is = keyed(after);
  const changes: SectionChange[] = [];
  for (const [key, section] of is) {
    const old = was.get(key);
    if (section.heading === '' && (old?.text ?? '') === section.text) continue;
    if (old && old.text === section.text) continue;
    const beforeText = old ? old.text : section.heading === '' ? '' : null;
    changes.push({ heading: section.heading, level: section.level, before: beforeText, after: section.text });
  }
  for (const [key, section] of was) {
    if (is.has(key)) continue;
    if (section.heading === '' && section.text === '') continue;
    changes.push({ heading: section.heading, level: section.level, before: section.text, after: null });
  }
  return changes;
}

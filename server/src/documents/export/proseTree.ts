import * as Y from 'yjs';

/** Inline marks as Tiptap stores them on Yjs text: `{ bold: {} }`, `{ link: { href } }`. */
export type Marks = Record<string, Record<string, unknown> | true | null>;

/** A text run with its marks. */
export interface TextRun {
  text: string;
  marks: Marks;
}

/** One ProseMirror node read from the Yjs fragment: its type, attributes and children. */
export interface ProseNode {
  type: string;
  attrs: Record<string, unknown>;
  /** Block children, or inline content mixing text runs and inline nodes (mention, hardBreak). */
  content: (ProseNode | TextRun)[];
}

export function isTextRun(item: ProseNode | TextRun): item is TextRun {
  return 'text' in item;
}

/**
 * Reads a text document's `Y.XmlFragment` (as y-prosemirror writes it) into a
 * plain tree, so exporters never touch Yjs types.
 */
export function readProseTree(fragment: Y.XmlFragment): ProseNode[] {
  return fragment
    .toArray()
    .flatMap((child) => readItem(child))
    .filter((node): node is ProseNode => !isTextRun(node));
}

function readItem(item: Y.XmlElement | Y.XmlText | Y.XmlHook): (ProseNode | TextRun)[] {
  if (item instanceof Y.XmlText) {
    return (item.toDelta() as { insert: unknown; attributes?: Marks }[]).flatMap((op) =>
      typeof op.insert === 'string' ? [{ text: op.insert, marks: markNames(op.attributes ?? {}) }] : [],
    );
  }
  if (item instanceof Y.XmlElement) {
    return [
      {
        type: item.nodeName,
        attrs: item.getAttributes() as Record<string, unknown>,
        content: item.toArray().flatMap((child) => readItem(child as Y.XmlElement | Y.XmlText)),
      },
    ];
  }
  return [];
}

/** y-prosemirror stores marks that may overlap themselves under `name--<hash>`; exports want the name. */
function markNames(attributes: Marks): Marks {
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [key.replace(/--[A-Za-z0-9+/=]{8}$/, ''), value]),
  );
}

/** A member as exports show a mention: current name and side. */
export interface MentionedMember {
  name: string;
  side: string;
}

/** Looks up mentioned members by user id; unknown ids fall back to the label stored in the document. */
export type MemberLookup = (userId: string) => MentionedMember | undefined;

/** The text a mention node shows: `@Name (side)` from the member list, else its stored label. */
export function mentionText(node: ProseNode, members: MemberLookup, sideNames: Record<string, string>): string {
  const id = String(node.attrs.id ?? '');
  const member = members(id);
  if (member) return `@${member.name} (${sideNames[member.side] ?? member.side})`;
  const label = node.attrs.label;
  return `@${typeof label === 'string' && label ? label : id}`;
}

/** Plain text of an inline content list, for table cells and titles. */
export function plainText(nodes: readonly (ProseNode | TextRun)[]): string {
  return nodes.map((n) => (isTextRun(n) ? n.text : plainText(n.content))).join('');
}

/** Only web and mail links survive an export; `javascript:` and friends become plain text. */
export function safeHref(href: string): boolean {
  return /^(https?:|mailto:|#|\/)/i.test(href.trim());
}

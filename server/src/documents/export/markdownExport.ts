import { isTextRun, type MemberLookup, mentionText, type ProseNode, safeHref, type TextRun } from './proseTree.ts';

/** What both exporters need besides the tree: who a mention points at, and the sides' names. */
export interface ExportContext {
  members: MemberLookup;
  /** `university` and `partner` as this partnership names them. */
  sideNames: Record<string, string>;
}

/** Renders a text document's tree as GitHub-flavoured Markdown (tables, task lists). */
export function renderMarkdown(nodes: readonly ProseNode[], context: ExportContext): string {
  const text = renderBlocks(nodes, context).join('\n\n');
  return text.length > 0 ? `${text}\n` : '';
}

const LIST_MARKERS: Record<string, string> = { bulletList: '-', taskList: '-', orderedList: '.' };

function renderBlocks(nodes: readonly (ProseNode | TextRun)[], context: ExportContext): string[] {
  const blocks: string[] = [];
  let previousMarker: string | undefined;
  for (const node of nodes) {
    if (isTextRun(node)) {
      blocks.push(escapeInline(node.text));
      previousMarker = undefined;
      continue;
    }
    const marker = LIST_MARKERS[node.type];
    // Two lists in a row with the same marker would read back as one list; a comment keeps them apart.
    if (marker && marker === previousMarker) blocks.push('<!-- -->');
    blocks.push(renderBlock(node, context));
    previousMarker = marker;
  }
  return blocks;
}

function renderBlock(node: ProseNode, context: ExportContext): string {
  switch (node.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs.level) || 1));
      return `${'#'.repeat(level)} ${renderInline(node.content, context)}`;
    }
    case 'paragraph':
      return escapeLineStart(renderInline(node.content, context));
    case 'bulletList':
      return renderList(node, context, () => '- ');
    case 'orderedList': {
      const start = Number(node.attrs.start) || 1;
      return renderList(node, context, (index) => `${start + index}. `);
    }
    case 'taskList':
      return renderList(node, context, (_index, item) => (item.attrs.checked === true ? '- [x] ' : '- [ ] '));
    case 'blockquote':
      return prefixLines(renderBlocks(node.content, context).join('\n\n'), '> ', '>');
    case 'codeBlock': {
      const code = node.content.map((run) => (isTextRun(run) ? run.text : '')).join('');
      const fence = code.includes('```') ? '~~~~' : '```';
      const language = typeof node.attrs.language === 'string' ? node.attrs.language : '';
      return `${fence}${language}\n${code}\n${fence}`;
    }
    case 'horizontalRule':
      return '---';
    case 'table':
      return renderTable(node, context);
    default:
      // An unknown block keeps its text rather than vanishing from the export.
      return renderBlocks(node.content, context).join('\n\n');
  }
}

function renderList(
  list: ProseNode,
  context: ExportContext,
  marker: (index: number, item: ProseNode) => string,
): string {
  return list.content
    .filter((item): item is ProseNode => !isTextRun(item))
    .map((item, index) => {
      const bullet = marker(index, item);
      const body = renderBlocks(item.content, context).join('\n\n');
      return `${bullet}${prefixLines(body, ' '.repeat(bullet.length), '', true)}`;
    })
    .join('\n');
}

function renderTable(table: ProseNode, context: ExportContext): string {
  const rows = table.content
    .filter((row): row is ProseNode => !isTextRun(row))
    .map((row) =>
      row.content
        .filter((cell): cell is ProseNode => !isTextRun(cell))
        .map((cell) =>
          renderBlocks(cell.content, context)
            .map((block) => block.replace(/\n/g, ' '))
            .join('<br>'),
        ),
    );
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((row) => row.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [line(header), line(Array.from({ length: width }, () => '---')), ...body.map(line)].join('\n');
}

/** Inline content: text runs with their marks, mentions and hard breaks. */
export function renderInline(content: readonly (ProseNode | TextRun)[], context: ExportContext): string {
  return content
    .map((item) => {
      if (!isTextRun(item)) {
        if (item.type === 'mention') return escapeInline(mentionText(item, context.members, context.sideNames));
        if (item.type === 'hardBreak') return '\\\n';
        return renderInline(item.content, context);
      }
      return renderRun(item);
    })
    .join('');
}

function renderRun(run: TextRun): string {
  const { marks } = run;
  if (marks.code) return wrapKeepingSpaces(run.text, (t) => codeSpan(t));
  let text = escapeInline(run.text);
  // Marks wrap inside out; Markdown needs the spaces outside the delimiters.
  if (marks.strike) text = wrapKeepingSpaces(text, (t) => `~~${t}~~`);
  if (marks.italic) text = wrapKeepingSpaces(text, (t) => `_${t}_`);
  if (marks.bold) text = wrapKeepingSpaces(text, (t) => `**${t}**`);
  const link = marks.link;
  if (link && typeof link === 'object' && typeof link.href === 'string' && safeHref(link.href)) {
    text = `[${text}](${link.href.replace(/[()\s]/g, (c) => encodeURIComponent(c))})`;
  }
  return text;
}

function wrapKeepingSpaces(text: string, wrap: (inner: string) => string): string {
  const match = /^(\s*)(.*?)(\s*)$/s.exec(text);
  if (!match || match[2] === '') return text;
  return `${match[1]}${wrap(match[2] as string)}${match[3]}`;
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((ticks) => ticks.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Escapes what Markdown would read as syntax inside a line. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/** Escapes what would start a heading, list, quote or rule at the start of a paragraph. */
function escapeLineStart(text: string): string {
  return text
    .replace(/^(\s*)(\d+)([.)])/, (_m, space: string, digits: string, dot: string) => `${space}${digits}\\${dot}`)
    .replace(/^(\s*)([#+\-=])/, (_m, space: string, mark: string) => `${space}\\${mark}`);
}

function prefixLines(text: string, prefix: string, emptyPrefix: string, skipFirst = false): string {
  return text
    .split('\n')
    .map((line, index) => {
      if (skipFirst && index === 0) return line;
      return line === '' ? emptyPrefix : `${prefix}${line}`;
    })
    .join('\n');
}

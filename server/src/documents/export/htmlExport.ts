import type { ExportContext } from './markdownExport.ts';
import { isTextRun, mentionText, type ProseNode, safeHref, type TextRun } from './proseTree.ts';

/** Head facts of an exported page. */
export interface HtmlPageInfo {
  title: string;
  partnershipName: string;
  language: string;
}

const PAGE_STYLE =
  'body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}' +
  'table{border-collapse:collapse}td,th{border:1px solid #888;padding:.25rem .5rem;vertical-align:top}' +
  'blockquote{border-left:3px solid #888;margin-left:0;padding-left:1rem}' +
  'ul[data-type=taskList]{list-style:none;padding-left:0}pre{background:#f4f4f4;padding:.5rem;overflow:auto}';

/** Renders a text document's tree as a standalone HTML page (no scripts, inline style only). */
export function renderHtmlPage(nodes: readonly ProseNode[], context: ExportContext, info: HtmlPageInfo): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(info.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(info.title)}</title>`,
    `<meta name="description" content="${escapeHtml(info.partnershipName)}">`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    '<article>',
    renderHtml(nodes, context),
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The document body as HTML elements, one block per line. */
export function renderHtml(nodes: readonly (ProseNode | TextRun)[], context: ExportContext): string {
  return nodes.map((node) => (isTextRun(node) ? escapeHtml(node.text) : renderBlock(node, context))).join('\n');
}

const SIMPLE_BLOCKS: Record<string, string> = {
  paragraph: 'p',
  bulletList: 'ul',
  listItem: 'li',
  blockquote: 'blockquote',
  tableRow: 'tr',
  tableHeader: 'th',
  tableCell: 'td',
};

function renderBlock(node: ProseNode, context: ExportContext): string {
  const tag = SIMPLE_BLOCKS[node.type];
  if (node.type === 'paragraph') return `<p>${renderInline(node.content, context)}</p>`;
  if (tag) return `<${tag}${cellSpan(node)}>\n${renderHtml(node.content, context)}\n</${tag}>`;
  switch (node.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs.level) || 1));
      return `<h${level}>${renderInline(node.content, context)}</h${level}>`;
    }
    case 'orderedList': {
      const start = Number(node.attrs.start) || 1;
      return `<ol${start === 1 ? '' : ` start="${start}"`}>\n${renderHtml(node.content, context)}\n</ol>`;
    }
    case 'taskList':
      return `<ul data-type="taskList">\n${renderHtml(node.content, context)}\n</ul>`;
    case 'taskItem': {
      const checked = node.attrs.checked === true;
      return `<li data-checked="${checked}"><input type="checkbox" disabled${checked ? ' checked' : ''}>\n${renderHtml(node.content, context)}\n</li>`;
    }
    case 'codeBlock': {
      const code = node.content.map((run) => (isTextRun(run) ? run.text : '')).join('');
      const language = typeof node.attrs.language === 'string' ? node.attrs.language : '';
      const languageClass = language ? ` class="language-${escapeHtml(language)}"` : '';
      return `<pre><code${languageClass}>${escapeHtml(code)}</code></pre>`;
    }
    case 'horizontalRule':
      return '<hr>';
    case 'table':
      return `<table>\n<tbody>\n${renderHtml(node.content, context)}\n</tbody>\n</table>`;
    default:
      return renderHtml(node.content, context);
  }
}

function cellSpan(node: ProseNode): string {
  const colspan = Number(node.attrs.colspan);
  const rowspan = Number(node.attrs.rowspan);
  return `${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`;
}

function renderInline(content: readonly (ProseNode | TextRun)[], context: ExportContext): string {
  return content
    .map((item) => {
      if (!isTextRun(item)) {
        if (item.type === 'mention') {
          const id = escapeHtml(String(item.attrs.id ?? ''));
          const text = escapeHtml(mentionText(item, context.members, context.sideNames));
          return `<span class="mention" data-id="${id}">${text}</span>`;
        }
        if (item.type === 'hardBreak') return '<br>';
        return renderInline(item.content, context);
      }
      return renderRun(item);
    })
    .join('');
}

function renderRun(run: TextRun): string {
  const { marks } = run;
  let html = escapeHtml(run.text);
  if (marks.code) html = `<code>${html}</code>`;
  if (marks.strike) html = `<s>${html}</s>`;
  if (marks.underline) html = `<u>${html}</u>`;
  if (marks.italic) html = `<em>${html}</em>`;
  if (marks.bold) html = `<strong>${html}</strong>`;
  const link = marks.link;
  if (link && typeof link === 'object' && typeof link.href === 'string' && safeHref(link.href)) {
    html = `<a href="${escapeHtml(link.href)}" rel="noopener noreferrer nofollow">${html}</a>`;
  }
  return html;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

import fs from 'node:fs';
import path from 'node:path';
import { PARTNERSHIP_LANGUAGES, TEXT_TEMPLATES, templateHeadings, textContent } from '@samverka/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMember, createTestPartnership, signUp } from '../support/apiClient.ts';
import { policyServerSuite } from '../support/policyServer.ts';
import { eventually, synced } from '../support/syncClient.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/export');

type Child = Y.XmlElement | Y.XmlText;

function el(name: string, attrs: Record<string, unknown>, ...children: Child[]): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

/** Text with marks, as y-prosemirror writes it: one formatted insert per run. */
function text(...runs: [string, Record<string, unknown>?][]): Y.XmlText {
  const node = new Y.XmlText();
  // Formatting is applied once the text is in a document, so runs are queued until then.
  (node as unknown as { pendingRuns: typeof runs }).pendingRuns = runs;
  return node;
}

function fillRuns(fragment: Y.XmlFragment | Y.XmlElement): void {
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlText) {
      const runs = (child as unknown as { pendingRuns?: [string, Record<string, unknown>?][] }).pendingRuns ?? [];
      let at = 0;
      for (const [value, marks] of runs) {
        child.insert(at, value, marks ?? {});
        at += value.length;
      }
    } else if (child instanceof Y.XmlElement) fillRuns(child);
  }
}

const p = (...runs: [string, Record<string, unknown>?][]) => el('paragraph', {}, text(...runs));
const cell = (name: string, value: string) => el(name, { colspan: 1, rowspan: 1 }, p([value]));

/** A document with every node type the editor offers, as Tiptap's node and mark names store it. */
function writeEveryNodeType(doc: Y.Doc, mentionedUserId: string): void {
  const fragment = textContent(doc);
  doc.transact(() => {
    fragment.insert(0, [
      el('heading', { level: 1 }, text(['Joint plan'])),
      el(
        'paragraph',
        {},
        text(['Plain, ', {}], ['bold', { bold: {} }], [' and ', {}], ['italic', { italic: {} }], [' text with ', {}]),
        el('mention', { id: mentionedUserId, label: 'Old name' }),
        text([' and the ', {}], ['joint plan page', { link: { href: 'https://example.org/plan' } }], ['.', {}]),
      ),
      el('heading', { level: 2 }, text(['Tasks'])),
      el(
        'taskList',
        {},
        el('taskItem', { checked: true }, p(['Sign the agreement'])),
        el('taskItem', { checked: false }, p(['Plan the kick-off'])),
      ),
      el('bulletList', {}, el('listItem', {}, p(['First point'])), el('listItem', {}, p(['Second point']))),
      el('orderedList', { start: 1 }, el('listItem', {}, p(['One'])), el('listItem', {}, p(['Two']))),
      el(
        'table',
        {},
        el('tableRow', {}, cell('tableHeader', 'Action'), cell('tableHeader', 'Owner')),
        el('tableRow', {}, cell('tableCell', 'Draft budget'), cell('tableCell', 'Eva | finance')),
      ),
      el('blockquote', {}, p(['Partnership is a verb.'])),
      el('codeBlock', { language: 'ts' }, text(['const due = "2027-01-31";'])),
      p(['Inline ', {}], ['code()', { code: {} }], [' and *stars*.', {}]),
      el('horizontalRule', {}),
    ]);
    fillRuns(fragment);
  });
}

describe('text export: Markdown and HTML rendered on the server from the stored state', () => {
  const suite = policyServerSuite();

  it('exports every node type as the committed Markdown and HTML; outsiders get 404', async () => {
    const owner = await createTestPartnership(suite.base, 'ExportOwner');
    const eva = await addMember(owner, suite.base, 'editor', 'partner', 'Eva Berg');
    const created = await owner.owner.client.post(`/api/partnerships/${owner.id}/documents`, {
      kind: 'text',
      title: 'Every node',
    });
    const documentId = created.body.document.id as string;
    const writer = suite.connectAs(owner.owner.client.cookie, documentId);
    await synced(writer);
    writeEveryNodeType(writer.doc, eva.userId);
    // The server relays an update only once it is committed: when another client has it, the log has it.
    const watcher = suite.connectAs(eva.client.cookie, documentId);
    await eventually(() => textContent(watcher.doc).length === textContent(writer.doc).length, 'the relayed document');

    const markdown = await owner.owner.client.get(`/api/documents/${documentId}/export?format=md`);
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    if (process.env.WRITE_EXPORT_FIXTURES)
      fs.writeFileSync(path.join(FIXTURES, 'every-node.md'), markdown.body as string);
    const expectedMarkdown = fs.readFileSync(path.join(FIXTURES, 'every-node.md'), 'utf8');
    expect(markdown.body).toBe(expectedMarkdown);

    const html = await owner.owner.client.get(`/api/documents/${documentId}/export?format=html`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    if (process.env.WRITE_EXPORT_FIXTURES)
      fs.writeFileSync(path.join(FIXTURES, 'every-node.html'), (html.body as string).replaceAll(eva.userId, '{evaId}'));
    const expectedHtml = fs.readFileSync(path.join(FIXTURES, 'every-node.html'), 'utf8');
    expect((html.body as unknown as string).replaceAll(eva.userId, '{evaId}')).toBe(expectedHtml);

    const outsider = await signUp(suite.base, 'Outsider');
    for (const format of ['md', 'html']) {
      const refused = await outsider.client.get(`/api/documents/${documentId}/export?format=${format}`);
      expect(refused.status).toBe(404);
    }
    const otherPartnership = await createTestPartnership(suite.base, 'OtherOwner');
    const foreign = await otherPartnership.owner.client.get(`/api/documents/${documentId}/export?format=md`);
    expect(foreign.status).toBe(404);
    const badFormat = await owner.owner.client.get(`/api/documents/${documentId}/export?format=pdf`);
    expect(badFormat.status).toBe(400);
    const canvas = await owner.owner.client.get(`/api/documents/${owner.canvasId}/export?format=md`);
    expect(canvas.status).toBe(400);
    expect((canvas.body as { error: { id: string } }).error.id).toBe('export_not_available');
  });

  it.each(PARTNERSHIP_LANGUAGES.flatMap((language) => TEXT_TEMPLATES.map((template) => [template, language] as const)))(
    '%s (%s) opened by five clients at once exports each heading exactly once',
    async (template, language) => {
      const owner = await signUp(suite.base, `Tpl${language}`);
      const partnership = await owner.client.post('/api/partnerships', {
        name: `Templates ${language}`,
        universityName: 'Lund University',
        partnerName: 'Acme AB',
        side: 'university',
        language,
      });
      const partnershipId = partnership.body.partnership.id as string;
      const created = await owner.client.post(`/api/partnerships/${partnershipId}/documents`, {
        kind: 'text',
        title: template,
        template,
      });
      expect(created.status).toBe(201);
      const documentId = created.body.document.id as string;
      const five = Array.from({ length: 5 }, () => suite.connectAs(owner.client.cookie, documentId));
      await Promise.all(five.map((client) => synced(client)));
      const answer = await owner.client.get(`/api/documents/${documentId}/export?format=md`);
      const markdown = answer.body as unknown as string;
      const headingLines = markdown.split('\n').filter((line) => line.startsWith('#'));
      const headings = templateHeadings(template, language);
      for (const heading of headings) {
        expect(headingLines.filter((line) => line.replace(/^#+ /, '') === heading)).toHaveLength(1);
      }
      expect(headingLines).toHaveLength(headings.length);
      for (const client of five) {
        expect(client.doc.getXmlFragment('default').length).toBe(
          five[0]?.doc.getXmlFragment('default').length as number,
        );
      }
    },
  );
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TEXT_TEMPLATES } from '../api/documents.ts';
import { textContent } from '../documentShapes.ts';
import { PARTNERSHIP_LANGUAGES } from '../roles.ts';
import { seedTextTemplate, TEXT_TEMPLATE_CONTENT, templateHeadings } from './textTemplates.ts';

describe('text templates', () => {
  it.each(TEXT_TEMPLATES)('%s seeds a level-1 title, then a level-2 heading and prompt per section', (template) => {
    const doc = new Y.Doc();
    seedTextTemplate(doc, template, 'sv');
    const nodes = textContent(doc).toArray() as Y.XmlElement[];
    const expected = TEXT_TEMPLATE_CONTENT[template].sv;
    expect(nodes[0]?.nodeName).toBe('heading');
    expect(nodes[0]?.getAttribute('level')).toBe(1);
    expect(nodes[0]?.toString()).toContain(expected.heading);
    const level2 = nodes.filter((node) => node.nodeName === 'heading' && node.getAttribute('level') === (2 as never));
    expect(level2.map((node) => node.toString())).toEqual(
      expected.sections.map((section) => expect.stringContaining(section.heading)),
    );
    expect(nodes[2]?.toString()).toContain(expected.sections[0]?.prompt);
  });

  it.each(TEXT_TEMPLATES)('%s has the same sections in both languages, no heading twice', (template) => {
    const [en, sv] = PARTNERSHIP_LANGUAGES.map((language) => templateHeadings(template, language));
    expect(en?.length).toBe(sv?.length);
    for (const headings of [en ?? [], sv ?? []]) expect(new Set(headings).size).toBe(headings.length);
  });

  it('steering notes end with an actions table of owner and due date', () => {
    const doc = new Y.Doc();
    seedTextTemplate(doc, 'steering-notes', 'en');
    const last = textContent(doc).toArray().at(-1) as Y.XmlElement;
    expect(last.nodeName).toBe('table');
    expect(last.toString()).toContain('Owner');
    expect(last.toString()).toContain('Due date');
  });

  it('never seeds twice', () => {
    const doc = new Y.Doc();
    seedTextTemplate(doc, 'annual-plan', 'en');
    const length = textContent(doc).length;
    seedTextTemplate(doc, 'annual-plan', 'en');
    expect(textContent(doc).length).toBe(length);
  });
});

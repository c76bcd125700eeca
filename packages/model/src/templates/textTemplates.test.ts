import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TEXT_TEMPLATES } from '../api/documents.ts';
import { textContent } from '../documentShapes.ts';
import { seedTextTemplate, TEXT_TEMPLATE_CONTENT } from './textTemplates.ts';

describe('text templates', () => {
  it.each(TEXT_TEMPLATES)('%s seeds a level-1 heading and its prompts in the chosen language', (template) => {
    const doc = new Y.Doc();
    seedTextTemplate(doc, template, 'sv');
    const nodes = textContent(doc).toArray() as Y.XmlElement[];
    const expected = TEXT_TEMPLATE_CONTENT[template].sv;
    expect(nodes[0]?.nodeName).toBe('heading');
    expect(nodes[0]?.getAttribute('level')).toBe(1);
    expect(nodes[0]?.toString()).toContain(expected.heading);
    expect(nodes.slice(1).map((node) => node.nodeName)).toEqual(expected.prompts.map(() => 'paragraph'));
    expect(nodes[1]?.toString()).toContain(expected.prompts[0]);
  });

  it('never seeds twice', () => {
    const doc = new Y.Doc();
    seedTextTemplate(doc, 'annual-plan', 'en');
    const length = textContent(doc).length;
    seedTextTemplate(doc, 'annual-plan', 'en');
    expect(textContent(doc).length).toBe(length);
  });
});

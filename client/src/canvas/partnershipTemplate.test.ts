import { CANVAS_SECTIONS, seedPartnershipCanvas, TEMPLATE_TLDRAW_SCHEMA } from '@samverka/model';
import { createTLStore, defaultBindingUtils, defaultShapeUtils, type TLShapeId } from 'tldraw';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadBoard } from './tldrawYjsBinding.ts';

function newStore() {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
}

describe('the seeded Strategic Partnership Canvas', () => {
  it.each(['en', 'sv'] as const)('loads into a real tldraw store, which validates every record (%s)', (language) => {
    const doc = new Y.Doc();
    seedPartnershipCanvas(doc, language);
    const store = newStore();
    // store.put validates each record against tldraw's validators and throws on any mismatch.
    loadBoard(store, doc);
    const frames = store.allRecords().filter((r) => r.typeName === 'shape' && r.type === 'frame');
    expect(frames).toHaveLength(CANVAS_SECTIONS.length);
    const joint = store.get('shape:section-joint-objectives' as TLShapeId);
    expect(joint).toMatchObject({ type: 'frame', parentId: 'page:page' });
    const prompt = store.get('shape:section-joint-objectives-prompt' as TLShapeId);
    expect(prompt?.parentId).toBe('shape:section-joint-objectives');
  });

  it('ships the schema snapshot of the installed tldraw (an upgrade must revisit the template)', () => {
    expect(newStore().schema.serialize()).toEqual(TEMPLATE_TLDRAW_SCHEMA);
  });
});

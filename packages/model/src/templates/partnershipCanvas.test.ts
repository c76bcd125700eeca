import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canvasRecords, readDocMeta } from '../documentShapes.ts';
import { CANVAS_SECTIONS, sectionFrameId, seedPartnershipCanvas, TLDRAW_SCHEMA_META_KEY } from './partnershipCanvas.ts';

describe('seedPartnershipCanvas', () => {
  it('writes twelve section frames with prompts, halves for per-side sections, and the schema', () => {
    const doc = new Y.Doc();
    seedPartnershipCanvas(doc, 'en');
    const records = canvasRecords(doc);
    const frames = [...records.values()].filter((r) => (r as { type?: string }).type === 'frame');
    expect(frames).toHaveLength(CANVAS_SECTIONS.length);
    expect(CANVAS_SECTIONS).toHaveLength(12);
    for (const section of CANVAS_SECTIONS) {
      const frame = records.get(sectionFrameId(section.slug)) as { props: { name: string } };
      expect(frame.props.name).toBe(section.title.en);
      expect(records.has(`${sectionFrameId(section.slug)}-university`)).toBe(section.perSide);
    }
    expect(doc.getMap('meta').get(TLDRAW_SCHEMA_META_KEY)).toMatchObject({ schemaVersion: 2 });
    expect(readDocMeta(doc)?.kind).toBe('canvas');
  });

  it('writes Swedish titles for a Swedish partnership', () => {
    const doc = new Y.Doc();
    seedPartnershipCanvas(doc, 'sv');
    const frame = canvasRecords(doc).get(sectionFrameId('joint-objectives')) as { props: { name: string } };
    expect(frame.props.name).toBe('4. Gemensamma mål');
  });

  it('leaves a board that already has records untouched', () => {
    const doc = new Y.Doc();
    canvasRecords(doc).set('page:page', { id: 'page:page', typeName: 'page', name: 'Mine', index: 'a1', meta: {} });
    seedPartnershipCanvas(doc, 'en');
    expect(canvasRecords(doc).size).toBe(1);
  });
});

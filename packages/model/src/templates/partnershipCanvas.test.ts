import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardRecords, putBoardRecords, readBoard, readRecord } from '../canvasBoard.ts';
import { BOARD_SHAPE_SEQUENCE, TLDRAW_SCHEMA_META_KEY } from '../canvasBoardVersion.ts';
import { DOC_SCHEMA_VERSION, readDocMeta } from '../documentShapes.ts';
import { CANVAS_SECTIONS, sectionFrameId, seedPartnershipCanvas } from './partnershipCanvas.ts';

describe('seedPartnershipCanvas', () => {
  it('writes twelve section frames with prompts, halves for per-side sections, and the schema', () => {
    const doc = new Y.Doc();
    seedPartnershipCanvas(doc, 'en');
    const records = boardRecords(doc);
    const frames = readBoard(doc).filter((r) => r.type === 'frame');
    expect(frames).toHaveLength(CANVAS_SECTIONS.length);
    expect(CANVAS_SECTIONS).toHaveLength(12);
    for (const section of CANVAS_SECTIONS) {
      const frame = readRecord(records.get(sectionFrameId(section.slug)) as never).props as { name: string };
      expect(frame.name).toBe(section.title.en);
      expect(records.has(`${sectionFrameId(section.slug)}-university`)).toBe(section.perSide);
    }
    // Seeded in the per-property shape, marked so version-1 clients never write to it.
    expect(doc.getMap('meta').get(TLDRAW_SCHEMA_META_KEY)).toMatchObject({
      schemaVersion: 2,
      sequences: { [BOARD_SHAPE_SEQUENCE]: DOC_SCHEMA_VERSION.canvas },
    });
    expect(readDocMeta(doc)).toEqual({ kind: 'canvas', schemaVersion: DOC_SCHEMA_VERSION.canvas });
  });

  it('writes Swedish titles for a Swedish partnership', () => {
    const doc = new Y.Doc();
    seedPartnershipCanvas(doc, 'sv');
    const frame = readRecord(boardRecords(doc).get(sectionFrameId('joint-objectives')) as never);
    expect((frame.props as { name: string }).name).toBe('4. Gemensamma mål');
  });

  it('leaves a board that already has records untouched', () => {
    const doc = new Y.Doc();
    const page = { id: 'page:page', typeName: 'page', name: 'Mine', index: 'a1', meta: {} };
    doc.transact(() => putBoardRecords(doc, [page]));
    seedPartnershipCanvas(doc, 'en');
    expect(readBoard(doc)).toEqual([page]);
  });
});

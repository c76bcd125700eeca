import type * as Y from 'yjs';
import { type BoardRecord, boardRecords, putBoardRecords } from '../canvasBoard.ts';
import { writeTldrawSchema } from '../canvasBoardVersion.ts';
import { readDocMeta, writeDocMeta } from '../documentShapes.ts';
import {
  CANVAS_SECTIONS,
  type CanvasSection,
  SIDE_LABELS,
  type TemplateLanguage,
} from './partnershipCanvasSections.ts';
import { TEMPLATE_TLDRAW_SCHEMA } from './tldrawSchemaSnapshot.ts';

export { CANVAS_SECTIONS, type TemplateLanguage } from './partnershipCanvasSections.ts';
export { TEMPLATE_TLDRAW_SCHEMA } from './tldrawSchemaSnapshot.ts';

/** The id of a section's frame, stable so tests, comments and links can target it. */
export function sectionFrameId(slug: string): string {
  return `shape:section-${slug}`;
}

// Page-space layout: four columns, three rows. Sizes chosen so a zoomed-to-fit board
// at 1280×800 still shows readable prompts.
const COLUMNS = 4;
const FRAME_W = 600;
const FRAME_H = 400;
const GAP = 60;
const PAD = 24;
const HALVES_TOP = 120;
const PAGE_ID = 'page:page';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A valid tldraw fractional index for the n-th sibling (n < 61). */
function indexKey(n: number): string {
  return `a${BASE62[n + 1]}`;
}

function richText(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

function baseShape(id: string, type: string, parentId: string, index: string, x: number, y: number) {
  return { id, typeName: 'shape', type, parentId, index, x, y, rotation: 0, isLocked: false, opacity: 1, meta: {} };
}

function frame(section: CanvasSection, language: TemplateLanguage, n: number): BoardRecord {
  const x = (n % COLUMNS) * (FRAME_W + GAP);
  const y = Math.floor(n / COLUMNS) * (FRAME_H + GAP);
  return {
    ...baseShape(sectionFrameId(section.slug), 'frame', PAGE_ID, indexKey(n), x, y),
    props: { w: FRAME_W, h: FRAME_H, name: section.title[language], color: 'black' },
  };
}

function prompt(section: CanvasSection, language: TemplateLanguage): BoardRecord {
  const id = `${sectionFrameId(section.slug)}-prompt`;
  return {
    ...baseShape(id, 'text', sectionFrameId(section.slug), indexKey(0), PAD, PAD),
    props: {
      color: 'black',
      size: 'm',
      w: FRAME_W - 2 * PAD,
      font: 'sans',
      textAlign: 'start',
      autoSize: false,
      scale: 1,
      richText: richText(section.prompt[language]),
    },
  };
}

/** A locked, dashed outline for one side's half of a section, labelled at its top. */
function half(section: CanvasSection, language: TemplateLanguage, side: 'university' | 'partner'): BoardRecord {
  const w = (FRAME_W - 3 * PAD) / 2;
  const x = side === 'university' ? PAD : 2 * PAD + w;
  const color = side === 'university' ? 'blue' : 'orange';
  return {
    ...baseShape(
      `${sectionFrameId(section.slug)}-${side}`,
      'geo',
      sectionFrameId(section.slug),
      indexKey(side === 'university' ? 1 : 2),
      x,
      HALVES_TOP,
    ),
    // Locked: the halves are structure, not content; notes go on top of them.
    isLocked: true,
    props: {
      geo: 'rectangle',
      dash: 'dashed',
      url: '',
      w,
      h: FRAME_H - HALVES_TOP - PAD,
      growY: 0,
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: color,
      color,
      fill: 'none',
      size: 's',
      font: 'sans',
      align: 'start',
      verticalAlign: 'start',
      richText: richText(SIDE_LABELS[language][side]),
    },
  };
}

/** Every record of a new Strategic Partnership Canvas board, as tldraw JSON. */
export function partnershipCanvasRecords(language: TemplateLanguage): BoardRecord[] {
  const records: BoardRecord[] = [
    { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} },
    { id: PAGE_ID, typeName: 'page', name: language === 'sv' ? 'Sida 1' : 'Page 1', index: 'a1', meta: {} },
  ];
  CANVAS_SECTIONS.forEach((section, n) => {
    records.push(frame(section, language, n), prompt(section, language));
    if (section.perSide) records.push(half(section, language, 'university'), half(section, language, 'partner'));
  });
  return records;
}

/**
 * Seeds an empty canvas document with the Strategic Partnership Canvas in the
 * partnership's language. Does nothing if the board already has records, so a
 * repeated call never duplicates or overwrites people's work.
 */
export function seedPartnershipCanvas(doc: Y.Doc, language: TemplateLanguage): void {
  if (boardRecords(doc).size > 0) return;
  doc.transact(() => {
    putBoardRecords(doc, partnershipCanvasRecords(language));
    writeTldrawSchema(doc, TEMPLATE_TLDRAW_SCHEMA);
    if (!readDocMeta(doc)) writeDocMeta(doc, 'canvas');
  });
}

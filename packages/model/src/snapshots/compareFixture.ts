import * as Y from 'yjs';
import { type BoardRecord, boardRecords, putBoardRecords, readRecord, writeRecordChanges } from '../canvasBoard.ts';
import { textContent } from '../documentShapes.ts';
import { createEntry } from '../register/registerDoc.ts';
import type { GoalStatus } from '../register/registerFields.ts';
import type { ComparedDocument } from './compare.ts';

/**
 * Builders of documents as the client writes them, for comparison tests (here
 * and on the server): Tiptap blocks in the text fragment, register entries,
 * tldraw shapes on the board.
 */

/** Appends a heading or paragraph block with plain text to a text document. */
export function appendBlock(doc: Y.Doc, block: { heading?: number; text: string }): void {
  doc.transact(() => {
    const element = new Y.XmlElement(block.heading ? 'heading' : 'paragraph');
    if (block.heading) element.setAttribute('level', block.heading as unknown as string);
    element.insert(0, [new Y.XmlText(block.text)]);
    textContent(doc).push([element]);
  });
}

/** The index of the top-level block whose text is `text`. */
export function blockIndex(doc: Y.Doc, text: string): number {
  return textContent(doc)
    .toArray()
    .findIndex((block) => block instanceof Y.XmlElement && (block.firstChild as Y.XmlText | null)?.toString() === text);
}

/** Replaces the text of the top-level block that reads `text`. */
export function rewriteBlock(doc: Y.Doc, text: string, next: string): void {
  const block = textContent(doc).get(blockIndex(doc, text)) as Y.XmlElement;
  const run = block.firstChild as Y.XmlText;
  doc.transact(() => {
    run.delete(0, run.length);
    run.insert(0, next);
  });
}

/** A tldraw geo shape with rich text, as the board stores it. */
export function geoShape(id: string, text: string, x = 0): BoardRecord {
  return {
    id,
    typeName: 'shape',
    type: 'geo',
    x,
    y: 0,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      geo: 'rectangle',
      w: 100,
      h: 100,
      richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    },
  };
}

/** A tldraw image asset record pointing at `src`, as the board stores one after an upload. */
export function imageAsset(id: string, src: string, w = 64, h = 48): BoardRecord {
  return {
    id,
    typeName: 'asset',
    type: 'image',
    meta: {},
    props: { name: 'logo.png', src, w, h, mimeType: 'image/png', isAnimated: false },
  };
}

/** Adds shapes to a canvas board. */
export function addShapes(doc: Y.Doc, shapes: BoardRecord[]): void {
  doc.transact(() => putBoardRecords(doc, shapes));
}

/** Changes one shape as the client does: only the changed properties are written. */
export function changeShape(doc: Y.Doc, id: string, change: (shape: BoardRecord) => BoardRecord): void {
  const map = boardRecords(doc).get(id) as Y.Map<unknown>;
  const previous = readRecord(map);
  doc.transact(() => writeRecordChanges(map, previous, change(previous)));
}

/** A goal with the required fields. */
export function addGoal(doc: Y.Doc, id: string, title: string, status: GoalStatus = 'on-track'): void {
  createEntry(doc, 'goals', { title, status }, id);
}

/** A risk with the required fields. */
export function addRisk(doc: Y.Doc, id: string, title: string, likelihood: number, impact: number): void {
  createEntry(doc, 'risks', { title, category: 'strategic', likelihood, impact, status: 'open' }, id);
}

/** The documents' states as a comparison side (each encoded now). */
export function sideOf(documents: { id: string; kind: ComparedDocument['kind']; title: string; doc: Y.Doc }[]) {
  return documents.map(({ id, kind, title, doc }) => ({ id, kind, title, state: Y.encodeStateAsUpdate(doc) }));
}

import type * as Y from 'yjs';
import type { CanvasItem, CanvasItemChange, SnapshotComparison } from '../api/snapshots.ts';
import { type BoardRecord, jsonEqual, readBoard } from '../canvasBoard.ts';
import { byTitleThenId } from './compareOrder.ts';

/** A canvas document as compared: its id, title and Y.Doc. */
export interface CanvasSide {
  id: string;
  title: string;
  doc: Y.Doc;
}

/** The text of a tldraw rich-text value (a ProseMirror JSON document), paragraphs joined by spaces. */
function richTextPlain(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  const node = value as { text?: unknown; content?: unknown };
  if (typeof node.text === 'string') return node.text;
  if (!Array.isArray(node.content)) return '';
  return node.content
    .map(richTextPlain)
    .filter((text) => text !== '')
    .join(' ');
}

/** What a shape says or is called: its rich text, plain text, or name (frames), else ''. */
export function shapeTitle(shape: BoardRecord): string {
  const props = (shape.props ?? {}) as Record<string, unknown>;
  const text = richTextPlain(props.richText) || (typeof props.text === 'string' ? props.text : '');
  if (text) return text.trim();
  return typeof props.name === 'string' ? props.name.trim() : '';
}

/** A record as flat properties: top-level fields by name, props and meta entries as `props.<name>`. */
function flatten(record: BoardRecord): Map<string, unknown> {
  const properties = new Map<string, unknown>();
  for (const [key, value] of Object.entries(record)) {
    if ((key === 'props' || key === 'meta') && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [name, item] of Object.entries(value)) properties.set(`${key}.${name}`, item);
    } else properties.set(key, value);
  }
  return properties;
}

/** The properties whose values differ, sorted. */
function changedProperties(before: BoardRecord, after: BoardRecord): string[] {
  const was = flatten(before);
  const is = flatten(after);
  const keys = new Set([...was.keys(), ...is.keys()]);
  return [...keys].filter((key) => !jsonEqual(was.get(key), is.get(key))).sort();
}

interface PlacedShape {
  canvas: CanvasSide;
  shape: BoardRecord;
}

/** Every shape of every canvas, keyed by canvas and shape id (shape ids are unique within one board). */
function shapesOf(canvases: readonly CanvasSide[]): Map<string, PlacedShape> {
  const shapes = new Map<string, PlacedShape>();
  for (const canvas of canvases) {
    for (const record of readBoard(canvas.doc)) {
      if (record.typeName === 'shape') shapes.set(`${canvas.id}\u0000${record.id}`, { canvas, shape: record });
    }
  }
  return shapes;
}

function item({ canvas, shape }: PlacedShape): CanvasItem {
  return {
    id: shape.id,
    documentId: canvas.id,
    documentTitle: canvas.title,
    type: typeof shape.type === 'string' ? shape.type : '',
    title: shapeTitle(shape),
  };
}

/** Shapes added, removed and changed across all canvases (a canvas added or removed adds or removes its shapes). */
export function compareCanvases(
  before: readonly CanvasSide[],
  after: readonly CanvasSide[],
): SnapshotComparison['canvas'] {
  const was = shapesOf(before);
  const is = shapesOf(after);
  const added: CanvasItem[] = [];
  const changed: CanvasItemChange[] = [];
  for (const [key, placed] of is) {
    const old = was.get(key);
    if (!old) {
      added.push(item(placed));
      continue;
    }
    const fields = changedProperties(old.shape, placed.shape);
    if (fields.length > 0) changed.push({ ...item(placed), fields });
  }
  const removed = [...was].filter(([key]) => !is.has(key)).map(([, placed]) => item(placed));
  return {
    added: added.sort(byTitleThenId),
    removed: removed.sort(byTitleThenId),
    changed: changed.sort(byTitleThenId),
  };
}

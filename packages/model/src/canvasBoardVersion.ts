import type * as Y from 'yjs';
import { type BoardRecord, boardRecords, recordToYMap } from './canvasBoard.ts';
import { DOC_SCHEMA_VERSION, DocFields, legacyCanvasRecords, readDocMeta } from './documentShapes.ts';

/** Meta-map key holding the tldraw schema a board's records were written with (the client binding reads it). */
export const TLDRAW_SCHEMA_META_KEY = 'tldrawSchema';

/**
 * A migration sequence tldraw does not have, added to the stored tldraw schema of
 * every version-2 board. Version-1 clients compare only that schema (they never
 * read `meta.schemaVersion`); an unknown sequence makes them treat the board as
 * written by a newer client: they show the "reload" notice and never write.
 */
export const BOARD_SHAPE_SEQUENCE = 'com.samverka.canvas';

/** A serialized tldraw schema: its version and the version of each migration sequence. */
export interface StoredTldrawSchema {
  schemaVersion: number;
  sequences: Record<string, number>;
}

/** The tldraw schema as a version-2 board stores it: with the board-shape marker. */
export function withBoardShapeMarker(schema: StoredTldrawSchema): StoredTldrawSchema {
  return {
    schemaVersion: schema.schemaVersion,
    sequences: { ...schema.sequences, [BOARD_SHAPE_SEQUENCE]: DOC_SCHEMA_VERSION.canvas },
  };
}

/** The stored tldraw schema without our marker (what tldraw itself compares and migrates from). */
export function storedTldrawSchema(doc: Y.Doc): StoredTldrawSchema | undefined {
  const stored = doc.getMap<unknown>(DocFields.meta).get(TLDRAW_SCHEMA_META_KEY) as StoredTldrawSchema | undefined;
  if (!stored?.sequences) return stored;
  const { [BOARD_SHAPE_SEQUENCE]: _marker, ...sequences } = stored.sequences;
  return { schemaVersion: stored.schemaVersion, sequences };
}

/** Stores the tldraw schema a board's records conform to, with the marker. Call inside a transaction. */
export function writeTldrawSchema(doc: Y.Doc, schema: StoredTldrawSchema): void {
  doc.getMap<unknown>(DocFields.meta).set(TLDRAW_SCHEMA_META_KEY, withBoardShapeMarker(schema));
}

/** How a board's stored shape relates to this code's: to convert, current, or from a newer version. */
export type BoardShapeState = 'legacy' | 'current' | 'newer';

/** Whether the canvas document is still in the version-1 shape, current, or newer than this code. */
export function boardShapeState(doc: Y.Doc): BoardShapeState {
  const version = readDocMeta(doc)?.schemaVersion ?? 1;
  if (version > DOC_SCHEMA_VERSION.canvas) return 'newer';
  return version < DOC_SCHEMA_VERSION.canvas ? 'legacy' : 'current';
}

/**
 * Converts a version-1 board to version 2 in one transaction: every whole-record
 * value becomes a record map, the old map is emptied (so its content can be
 * garbage-collected), and the schema version and the marker that stops version-1
 * clients are written. Does nothing to a board that is not version 1.
 */
export function convertLegacyBoard(doc: Y.Doc, origin?: unknown): boolean {
  if (boardShapeState(doc) !== 'legacy') return false;
  const legacy = legacyCanvasRecords(doc);
  const board = boardRecords(doc);
  const meta = doc.getMap<unknown>(DocFields.meta);
  doc.transact(() => {
    for (const [id, value] of legacy.entries()) {
      if (!board.has(id) && isPlainRecord(value)) board.set(id, recordToYMap(value));
    }
    for (const id of [...legacy.keys()]) legacy.delete(id);
    const schema = meta.get(TLDRAW_SCHEMA_META_KEY) as StoredTldrawSchema | undefined;
    if (schema) writeTldrawSchema(doc, schema);
    if (!meta.has('kind')) meta.set('kind', 'canvas');
    meta.set('schemaVersion', DOC_SCHEMA_VERSION.canvas);
  }, origin);
  return true;
}

function isPlainRecord(value: unknown): value is BoardRecord {
  const record = value as Partial<BoardRecord> | null;
  return typeof record?.id === 'string' && typeof record.typeName === 'string';
}

import * as Y from 'yjs';
import { assetIdOfSrc } from './api/assets.ts';
import { DocFields, legacyCanvasRecords } from './documentShapes.ts';

/**
 * The canvas board's stored shape (canvas schema version 2): the `board` map holds
 * one Y.Map per tldraw record, keyed by record id. In it, `base` is the record as
 * it was created (plain JSON, one value: cheap to store and to load), and every
 * property changed since is a key of its own beside it: a top-level field by name
 * (`x`), a prop or meta entry as `props.<name>` / `meta.<name>`. A change writes only
 * the keys of the properties it changed, so concurrent changes to different
 * properties of one record both survive; two people setting the same property is
 * last-writer-wins. Values inside one property (rich text, arrow terminals, draw
 * segments) are stored whole.
 */

/** A tldraw record as plain JSON. */
export type BoardRecord = { id: string; typeName: string } & Record<string, unknown>;

/** The key holding the record as created. */
const BASE = 'base';
/** The record fields whose entries are merged one by one (`props.w`, `meta.note`). */
const NESTED_FIELDS = ['props', 'meta'];
/** Written for a property the record no longer has (a migration removed it). */
const REMOVED = { samverkaRemoved: true } as const;

function isRemoved(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && (value as { samverkaRemoved?: unknown }).samverkaRemoved === true
  );
}

/** The board of a canvas document (version 2): record id → the record's Y.Map. */
export function boardRecords(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(DocFields.canvasBoard);
}

/** Structural equality for JSON values (records, props, rich text). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, n) => jsonEqual(item, other[n]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => key in right && jsonEqual(left[key], right[key]));
}

/** The record as property keys: top-level fields by name, props and meta entries as `props.<name>`. */
function propertiesOf(record: BoardRecord): Map<string, unknown> {
  const properties = new Map<string, unknown>();
  for (const [key, value] of Object.entries(record)) {
    if (NESTED_FIELDS.includes(key) && value && typeof value === 'object' && !Array.isArray(value)) {
      properties.set(key, {});
      for (const [name, item] of Object.entries(value)) properties.set(`${key}.${name}`, item);
    } else properties.set(key, value);
  }
  return properties;
}

/** A new record's Y.Map (to be set into `boardRecords`). */
export function recordToYMap(record: BoardRecord): Y.Map<unknown> {
  return new Y.Map<unknown>([[BASE, record]]);
}

/** Writes, as keys of the record's map, every property that differs between two versions of it. */
function writeDifferences(map: Y.Map<unknown>, previous: BoardRecord, next: BoardRecord): void {
  const before = propertiesOf(previous);
  const after = propertiesOf(next);
  for (const key of before.keys()) if (!after.has(key)) map.set(key, REMOVED);
  for (const [key, value] of after) {
    const old = before.get(key);
    if (old !== value && !(before.has(key) && jsonEqual(old, value))) map.set(key, value);
  }
}

/**
 * Writes only what differs between `previous` and `next` into the record's map: a
 * drag writes x and y, a colour change writes props.color. Call inside a transaction.
 */
export function writeRecordChanges(map: Y.Map<unknown>, previous: BoardRecord, next: BoardRecord): void {
  writeDifferences(map, previous, next);
}

/**
 * Makes the record's map read as `next`, comparing with what the map holds rather
 * than with a previous record (migrations). Call inside a transaction.
 */
export function overwriteRecord(map: Y.Map<unknown>, next: BoardRecord): void {
  writeDifferences(map, readRecord(map), next);
}

/** The plain JSON record a record's map holds: its base with the changed properties applied. */
export function readRecord(map: Y.Map<unknown>): BoardRecord {
  const base = map.get(BASE) as BoardRecord;
  if (map.size === 1) return base;
  const record: Record<string, unknown> = { ...base };
  const copied = new Set<string>();
  for (const [key, value] of map.entries()) {
    if (key === BASE) continue;
    const dot = key.indexOf('.');
    const field = dot < 0 ? key : key.slice(0, dot);
    if (dot < 0 && !NESTED_FIELDS.includes(key)) {
      if (isRemoved(value)) delete record[key];
      else record[key] = value;
      continue;
    }
    if (!copied.has(field)) {
      record[field] = { ...((record[field] as object | undefined) ?? {}) };
      copied.add(field);
    }
    if (dot < 0) continue;
    const entries = record[field] as Record<string, unknown>;
    if (isRemoved(value)) delete entries[key.slice(dot + 1)];
    else entries[key.slice(dot + 1)] = value;
  }
  return record as BoardRecord;
}

/**
 * Whether a board entry holds a whole record (a base with an id and a type name).
 * Anything else, such as a value a version-1 client could have written, is ignored.
 */
export function isWholeRecord(map: unknown): map is Y.Map<unknown> {
  if (!(map instanceof Y.Map)) return false;
  const base = map.get(BASE) as Partial<BoardRecord> | undefined;
  return typeof base?.id === 'string' && typeof base.typeName === 'string';
}

/** Every whole record on a board, as plain JSON. */
export function readBoard(doc: Y.Doc): BoardRecord[] {
  const records: BoardRecord[] = [];
  for (const map of boardRecords(doc).values()) if (isWholeRecord(map)) records.push(readRecord(map));
  return records;
}

/** Writes records as new entries of the board (seeding a board, converting one). Call inside a transaction. */
export function putBoardRecords(doc: Y.Doc, records: Iterable<BoardRecord>): void {
  const board = boardRecords(doc);
  for (const record of records) board.set(record.id, recordToYMap(record));
}

/**
 * The ids of our uploads a board's asset records point at (`props.src`), in the current shape
 * and in a version-1 board's records alike: what a view of this board may load.
 */
export function boardAssetIds(doc: Y.Doc): Set<string> {
  const legacy = [...legacyCanvasRecords(doc).values()].filter(
    (value): value is BoardRecord => typeof (value as BoardRecord | null)?.id === 'string',
  );
  const ids = new Set<string>();
  for (const record of [...readBoard(doc), ...legacy]) {
    if (record.typeName !== 'asset') continue;
    const id = assetIdOfSrc((record.props as { src?: unknown } | undefined)?.src);
    if (id) ids.add(id);
  }
  return ids;
}

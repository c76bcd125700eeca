import * as Y from 'yjs';
import { DocFields } from './documentShapes.ts';

/**
 * The canvas board's stored shape (canvas schema version 2): the `board` map holds
 * one Y.Map per tldraw record, keyed by record id. A record's top-level fields are
 * plain values in its map; `props` and `meta` are nested Y.Maps. Every field and
 * every prop is its own Yjs map entry, so concurrent changes to different properties
 * of one record both survive; two people setting the same property is last-writer-wins.
 * Values inside one property (rich text, arrow terminals, draw segments) are stored whole.
 */

/** A tldraw record as plain JSON. */
export type BoardRecord = { id: string; typeName: string } & Record<string, unknown>;

/** The record fields kept as nested maps, merged key by key. */
const NESTED_FIELDS = ['props', 'meta'] as const;
type NestedField = (typeof NESTED_FIELDS)[number];

function isNested(key: string): key is NestedField {
  return (NESTED_FIELDS as readonly string[]).includes(key);
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

function nestedMap(values: unknown): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries((values ?? {}) as Record<string, unknown>)) map.set(key, value);
  return map;
}

/** A new record's Y.Map (to be set into `boardRecords`; it cannot be read before). */
export function recordToYMap(record: BoardRecord): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(record)) map.set(key, isNested(key) ? nestedMap(value) : value);
  return map;
}

/** Sets the keys of `map` whose values differ from `next`, and deletes keys `next` lacks. */
function writeChangedKeys(map: Y.Map<unknown>, next: Record<string, unknown>): void {
  for (const key of map.keys()) if (!(key in next)) map.delete(key);
  for (const [key, value] of Object.entries(next)) {
    if (!map.has(key) || !jsonEqual(map.get(key), value)) map.set(key, value);
  }
}

/**
 * Writes only what differs between `previous` and `next` into the record's map: a
 * drag writes x and y, a colour change writes props.color. Call inside a transaction.
 */
export function writeRecordChanges(map: Y.Map<unknown>, previous: BoardRecord, next: BoardRecord): void {
  for (const key of Object.keys(previous)) if (!(key in next)) map.delete(key);
  for (const [key, value] of Object.entries(next)) {
    const before = previous[key];
    if (before === value) continue;
    if (isNested(key)) {
      const nested = map.get(key);
      if (nested instanceof Y.Map) {
        const old = (before ?? {}) as Record<string, unknown>;
        const now = (value ?? {}) as Record<string, unknown>;
        for (const name of Object.keys(old)) if (!(name in now)) nested.delete(name);
        for (const [name, item] of Object.entries(now)) {
          if (old[name] !== item && !jsonEqual(old[name], item)) nested.set(name, item);
        }
      } else {
        map.set(key, nestedMap(value));
      }
    } else if (!jsonEqual(before, value)) {
      map.set(key, value);
    }
  }
}

/**
 * Makes the record's map hold exactly `next`, comparing with what the map holds
 * rather than with a previous record (migrations, loading a board into a map).
 */
export function overwriteRecord(map: Y.Map<unknown>, next: BoardRecord): void {
  for (const key of map.keys()) if (!(key in next)) map.delete(key);
  for (const [key, value] of Object.entries(next)) {
    if (!isNested(key)) {
      if (!map.has(key) || !jsonEqual(map.get(key), value)) map.set(key, value);
      continue;
    }
    const nested = map.get(key);
    if (nested instanceof Y.Map) writeChangedKeys(nested, (value ?? {}) as Record<string, unknown>);
    else map.set(key, nestedMap(value));
  }
}

/** The plain JSON record a record's map holds (nested maps read as objects). */
export function readRecord(map: Y.Map<unknown>): BoardRecord {
  const record: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) record[key] = value instanceof Y.Map ? value.toJSON() : value;
  return record as BoardRecord;
}

/**
 * Whether a board entry holds a whole record (an id and a type name). Anything else,
 * such as a value a version-1 client could have written, is not a record and is ignored.
 */
export function isWholeRecord(map: unknown): map is Y.Map<unknown> {
  return map instanceof Y.Map && typeof map.get('id') === 'string' && typeof map.get('typeName') === 'string';
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

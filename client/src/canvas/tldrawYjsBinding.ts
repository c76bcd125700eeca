import {
  type BoardRecord,
  boardRecords,
  boardShapeState,
  convertLegacyBoard,
  DocFields,
  isWholeRecord,
  jsonEqual,
  legacyCanvasRecords,
  overwriteRecord,
  putBoardRecords,
  readBoard,
  readDocMeta,
  readRecord,
  recordToYMap,
  storedTldrawSchema,
  TLDRAW_SCHEMA_META_KEY,
  writeDocMeta,
  writeRecordChanges,
  writeTldrawSchema,
} from '@samverka/model';
import {
  DocumentRecordType,
  type IndexKey,
  PageRecordType,
  react,
  type SerializedSchema,
  TLDOCUMENT_ID,
  type TLPageId,
  type TLRecord,
  type TLStore,
} from 'tldraw';
import type * as Y from 'yjs';
import { LocalChangeQueue, RemoteChangeBatch } from './boardChangeSync.ts';
import { compareSchemas } from './boardSchema.ts';

/** Marks Yjs transactions that came from this store, so we do not echo them back. */
const LOCAL_ORIGIN = Symbol('tldraw-local');

/** What loading found: whether the board was migrated, or is too new for this client to write. */
export type BoardLoadResult = 'current' | 'migrated' | 'newer';

export interface BindingOptions {
  /** Never write to the document (viewers, or a board written by a newer client). */
  readOnly?: boolean;
}

function isDocumentRecord(store: TLStore, record: TLRecord): boolean {
  return store.scopedTypes.document.has(record.typeName);
}

/** tldraw's records are plain JSON; the board's helpers take them as such. */
function asBoardRecord(record: TLRecord): BoardRecord {
  return record as unknown as BoardRecord;
}

function storedSchema(doc: Y.Doc): SerializedSchema | undefined {
  return storedTldrawSchema(doc) as SerializedSchema | undefined;
}

/** Whether the board's stored shape or tldraw schema is ahead of this client's. */
export function isBoardNewerThanClient(store: TLStore, doc: Y.Doc): boolean {
  if (boardShapeState(doc) === 'newer') return true;
  const stored = storedSchema(doc);
  return stored !== undefined && compareSchemas(stored, store.schema.serialize()) === 'newer';
}

/**
 * The records of a new, empty board: the document and its first page. Their ids
 * are fixed, so two people opening a new board at once write the same records.
 */
function defaultBoardRecords(store: TLStore): TLRecord[] {
  const existing = store.allRecords().filter((record) => isDocumentRecord(store, record));
  if (existing.some((record) => record.typeName === 'page')) return existing;
  return [
    ...existing.filter((record) => record.id !== TLDOCUMENT_ID),
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: 'page:page' as TLPageId, name: 'Page 1', index: 'a1' as IndexKey }),
  ];
}

/** Replaces the store's document records with `incoming`, as a remote change (never undoable). */
function replaceDocumentRecords(store: TLStore, incoming: TLRecord[], tolerant: boolean): void {
  store.mergeRemoteChanges(() => {
    const keep = new Set(incoming.map((r) => r.id));
    const stale = store
      .allRecords()
      .filter((r) => isDocumentRecord(store, r) && !keep.has(r.id))
      .map((r) => r.id);
    if (stale.length > 0) store.remove(stale);
    if (!tolerant) {
      store.put(incoming);
      return;
    }
    // A newer client's records may carry props we cannot validate: show what we can.
    for (const record of incoming) {
      try {
        store.put([record]);
      } catch {
        // skipped: this client cannot display it; it stays intact in the document
      }
    }
  });
}

/** Writes what the migration changed (and the new schema) back, once, in one transaction, key by key. */
function writeMigrated(store: TLStore, doc: Y.Doc, before: Map<string, BoardRecord>, after: Record<string, TLRecord>) {
  const board = boardRecords(doc);
  doc.transact(() => {
    for (const [id, record] of Object.entries(after)) {
      if (jsonEqual(before.get(id), record)) continue;
      const map = board.get(id);
      if (isWholeRecord(map)) overwriteRecord(map, asBoardRecord(record));
      else board.set(id, recordToYMap(asBoardRecord(record)));
    }
    for (const id of before.keys()) if (!(id in after)) board.delete(id);
    writeTldrawSchema(doc, store.schema.serialize() as Parameters<typeof writeTldrawSchema>[1]);
  }, LOCAL_ORIGIN);
}

/** The records a board holds: version 2's record maps, or (read-only, unconverted) version 1's values. */
function storedRecords(doc: Y.Doc): BoardRecord[] {
  if (boardShapeState(doc) !== 'legacy') return readBoard(doc);
  return [...legacyCanvasRecords(doc).values()].filter(
    (value): value is BoardRecord => typeof (value as BoardRecord | null)?.id === 'string',
  );
}

/**
 * Loads a synced board into the store, or writes the store's default records
 * into an empty board. A version-1 board is converted to the per-property shape
 * first (unless read-only). A board saved with an older tldraw schema is
 * migrated, and (unless read-only) the changed properties are written back once;
 * a board saved by a newer client is shown as far as possible and never written to.
 */
export function loadBoard(store: TLStore, doc: Y.Doc, options: BindingOptions = {}): BoardLoadResult {
  const converted = !options.readOnly && convertLegacyBoard(doc, LOCAL_ORIGIN);
  const stored = storedRecords(doc);
  if (stored.length === 0) {
    if (options.readOnly) return 'current';
    doc.transact(() => {
      putBoardRecords(doc, defaultBoardRecords(store).map(asBoardRecord));
      writeTldrawSchema(doc, store.schema.serialize() as Parameters<typeof writeTldrawSchema>[1]);
      if (!readDocMeta(doc)) writeDocMeta(doc, 'canvas');
    }, LOCAL_ORIGIN);
    return 'current';
  }
  const before = new Map(stored.map((record) => [record.id, record]));
  if (isBoardNewerThanClient(store, doc)) {
    replaceDocumentRecords(store, stored as unknown as TLRecord[], true);
    return 'newer';
  }
  const current = store.schema.serialize();
  const schema = storedSchema(doc) ?? current;
  const migrated = store.schema.migrateStoreSnapshot({
    schema,
    store: Object.fromEntries(before) as unknown as Record<TLRecord['id'], TLRecord>,
  });
  if (migrated.type === 'error') throw new Error(`This board cannot be opened: ${migrated.reason}`);
  replaceDocumentRecords(store, Object.values(migrated.value), false);
  if (compareSchemas(schema, current) === 'same') return converted ? 'migrated' : 'current';
  if (!options.readOnly) writeMigrated(store, doc, before, migrated.value);
  return 'migrated';
}

export interface LiveBindingOptions extends BindingOptions {
  /** Called once if another client upgrades the board past this client's schema. */
  onNewerSchema?: () => void;
  /** Where remote changes wait to be merged (shared with the cursors); by default each is merged at once. */
  remote?: RemoteChangeBatch;
  /** Shortest gap between two writes of this person's changes (LIVE_FRAME_MS on a live canvas); 0 writes each at once. */
  localIntervalMs?: number;
}

/**
 * `next`, but holding `previous`'s objects wherever they are equal (undefined if
 * nothing differs), so a remote change to one property leaves the others (the
 * rich text being typed into, above all) the very same objects, and tldraw does
 * not reset their editors.
 */
function keepUnchanged(previous: TLRecord | undefined, next: BoardRecord): BoardRecord | undefined {
  if (!previous) return next;
  const old = asBoardRecord(previous);
  let changed = Object.keys(old).length !== Object.keys(next).length;
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const before = old[key];
    if (jsonEqual(before, value)) {
      merged[key] = before;
      continue;
    }
    changed = true;
    if ((key === 'props' || key === 'meta') && before && value && typeof value === 'object') {
      const inner: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(value)) {
        const was = (before as Record<string, unknown>)[name];
        inner[name] = jsonEqual(was, item) ? was : item;
      }
      merged[key] = inner;
    } else merged[key] = value;
  }
  return changed ? (merged as BoardRecord) : undefined;
}

/** The ids of the records a remote transaction touched, from the board's deep events. */
function touchedRecordIds(board: Y.Map<Y.Map<unknown>>, events: Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.target === board) for (const id of (event as Y.YMapEvent<unknown>).keysChanged) ids.add(id);
    else ids.add(String(event.path[0]));
  }
  return ids;
}

/**
 * Keeps the store and the board in step both ways. Only the person's own changes
 * are written, and only the properties that changed; remote ones are merged so
 * they never enter undo and leave unchanged properties untouched. Read-only
 * bindings, and bindings to a board a newer client has upgraded, only read.
 */
export function bindStoreToDoc(store: TLStore, doc: Y.Doc, options: LiveBindingOptions = {}): () => void {
  const board = boardRecords(doc);
  const meta = doc.getMap<unknown>(DocFields.meta);
  let writable = !options.readOnly && !isBoardNewerThanClient(store, doc);
  let notified = false;

  const local = new LocalChangeQueue((changes) => {
    if (!writable) return;
    doc.transact(() => {
      for (const record of Object.values(changes.added)) board.set(record.id, recordToYMap(asBoardRecord(record)));
      for (const [from, to] of Object.values(changes.updated)) {
        const map = board.get(to.id);
        if (isWholeRecord(map)) writeRecordChanges(map, asBoardRecord(from), asBoardRecord(to));
        else board.set(to.id, recordToYMap(asBoardRecord(to)));
      }
      for (const record of Object.values(changes.removed)) board.delete(record.id);
    }, LOCAL_ORIGIN);
  }, options.localIntervalMs ?? 0);
  const stopListening = store.listen(
    ({ changes }) => {
      if (writable) local.add(changes);
    },
    { source: 'user', scope: 'document' },
  );
  // tldraw hands listeners a frame's changes on the frame after (its history flush is
  // throttled to the next animation frame), so a dragged shape was sent one frame
  // after this browser drew it. Asking for them once the current task is done sends
  // it in the frame that drew it (issue 14).
  let flushQueued = false;
  const stopPrompting = react('write own changes promptly', () => {
    store.history.get();
    if (flushQueued || !writable) return;
    flushQueued = true;
    queueMicrotask(() => {
      flushQueued = false;
      store._flushHistory();
    });
  });

  const remote = options.remote ?? new RemoteChangeBatch(store);
  // Our own changes reach the document before remote ones are read from it, or a
  // record read back without them would undo them in the store.
  const stopFlushingFirst = remote.beforeApply(() => {
    store._flushHistory();
    local.flush();
  });
  const touched = new Set<string>();
  const applyTouched = () => {
    const put: TLRecord[] = [];
    const remove: TLRecord['id'][] = [];
    for (const id of touched) {
      const map = board.get(id);
      const current = store.get(id as TLRecord['id']);
      if (!isWholeRecord(map)) {
        if (current) remove.push(current.id);
        continue;
      }
      const next = keepUnchanged(current, readRecord(map));
      if (next) put.push(next as unknown as TLRecord);
    }
    touched.clear();
    if (remove.length > 0) store.remove(remove);
    for (const record of put) {
      try {
        store.put([record]);
      } catch {
        // a record from a newer client that this one cannot validate: leave it in the doc only
      }
    }
  };
  const onRemote = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (transaction.origin === LOCAL_ORIGIN) return;
    for (const id of touchedRecordIds(board, events)) touched.add(id);
    if (touched.size > 0) remote.queue('board', applyTouched);
  };
  board.observeDeep(onRemote);

  const onMeta = (event: Y.YMapEvent<unknown>) => {
    if (!event.keysChanged.has('schemaVersion') && !event.keysChanged.has(TLDRAW_SCHEMA_META_KEY)) return;
    if (!isBoardNewerThanClient(store, doc)) return;
    writable = false;
    if (notified) return;
    notified = true;
    options.onNewerSchema?.();
  };
  meta.observe(onMeta);

  return () => {
    store._flushHistory();
    local.flush();
    stopListening();
    stopPrompting();
    stopFlushingFirst();
    board.unobserveDeep(onRemote);
    meta.unobserve(onMeta);
  };
}

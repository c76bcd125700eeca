import { canvasRecords, DocFields, readDocMeta, TLDRAW_SCHEMA_META_KEY, writeDocMeta } from '@samverka/model';
import {
  DocumentRecordType,
  type IndexKey,
  PageRecordType,
  type SerializedSchema,
  TLDOCUMENT_ID,
  type TLPageId,
  type TLRecord,
  type TLStore,
} from 'tldraw';
import type * as Y from 'yjs';
import { compareSchemas, type SchemaRelation } from './boardSchema.ts';

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

function storedSchema(doc: Y.Doc): SerializedSchema | undefined {
  return doc.getMap<unknown>(DocFields.meta).get(TLDRAW_SCHEMA_META_KEY) as SerializedSchema | undefined;
}

/** Whether the board's stored schema is ahead of this client's. */
export function isBoardNewerThanClient(store: TLStore, doc: Y.Doc): boolean {
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

/** Writes records the migration changed (and the new schema) back, once, in one transaction. */
function writeMigrated(store: TLStore, doc: Y.Doc, before: Map<string, TLRecord>, after: Record<string, TLRecord>) {
  const records = canvasRecords(doc) as Y.Map<TLRecord>;
  doc.transact(() => {
    for (const [id, record] of Object.entries(after)) {
      if (JSON.stringify(before.get(id)) !== JSON.stringify(record)) records.set(id, record);
    }
    for (const id of before.keys()) if (!(id in after)) records.delete(id);
    doc.getMap<unknown>(DocFields.meta).set(TLDRAW_SCHEMA_META_KEY, store.schema.serialize());
  }, LOCAL_ORIGIN);
}

/**
 * Loads a synced board into the store, or writes the store's default records
 * into an empty board. A board saved with an older tldraw schema is migrated, and
 * (unless read-only) the migrated records are written back once; a board saved
 * by a newer client is shown as far as possible and must not be written to.
 */
export function loadBoard(store: TLStore, doc: Y.Doc, options: BindingOptions = {}): BoardLoadResult {
  const records = canvasRecords(doc) as Y.Map<TLRecord>;
  const meta = doc.getMap<unknown>(DocFields.meta);
  if (records.size === 0) {
    if (options.readOnly) return 'current';
    doc.transact(() => {
      for (const record of defaultBoardRecords(store)) records.set(record.id, record);
      meta.set(TLDRAW_SCHEMA_META_KEY, store.schema.serialize());
      if (!readDocMeta(doc)) writeDocMeta(doc, 'canvas');
    }, LOCAL_ORIGIN);
    return 'current';
  }
  const current = store.schema.serialize();
  const stored = storedSchema(doc) ?? current;
  const relation: SchemaRelation = compareSchemas(stored, current);
  const before = new Map(records.entries());
  if (relation === 'newer') {
    replaceDocumentRecords(store, [...before.values()], true);
    return 'newer';
  }
  const migrated = store.schema.migrateStoreSnapshot({
    schema: stored,
    store: Object.fromEntries(before) as Record<TLRecord['id'], TLRecord>,
  });
  if (migrated.type === 'error') throw new Error(`This board cannot be opened: ${migrated.reason}`);
  replaceDocumentRecords(store, Object.values(migrated.value), false);
  if (relation === 'same') return 'current';
  if (!options.readOnly) writeMigrated(store, doc, before, migrated.value);
  return 'migrated';
}

export interface LiveBindingOptions extends BindingOptions {
  /** Called once if another client upgrades the board past this client's schema. */
  onNewerSchema?: () => void;
}

/**
 * Keeps the store and the board's Y.Map in step both ways. Only the person's own
 * changes are written to Yjs; remote ones are merged so they never enter undo.
 * Read-only bindings, and bindings to a board a newer client has upgraded, only read.
 */
export function bindStoreToDoc(store: TLStore, doc: Y.Doc, options: LiveBindingOptions = {}): () => void {
  const records = canvasRecords(doc) as Y.Map<TLRecord>;
  const meta = doc.getMap<unknown>(DocFields.meta);
  let writable = !options.readOnly && !isBoardNewerThanClient(store, doc);
  let notified = false;

  const stopListening = store.listen(
    ({ changes }) => {
      if (!writable) return;
      doc.transact(() => {
        for (const record of Object.values(changes.added)) records.set(record.id, record);
        for (const [, to] of Object.values(changes.updated)) records.set(to.id, to);
        for (const record of Object.values(changes.removed)) records.delete(record.id);
      }, LOCAL_ORIGIN);
    },
    { source: 'user', scope: 'document' },
  );

  const onRemote = (event: Y.YMapEvent<TLRecord>, transaction: Y.Transaction) => {
    if (transaction.origin === LOCAL_ORIGIN) return;
    const put: TLRecord[] = [];
    const remove: TLRecord['id'][] = [];
    event.changes.keys.forEach((change, id) => {
      const record = records.get(id);
      if (change.action === 'delete' || !record) remove.push(id as TLRecord['id']);
      else put.push(record);
    });
    store.mergeRemoteChanges(() => {
      const present = remove.filter((id) => store.has(id));
      if (present.length > 0) store.remove(present);
      for (const record of put) {
        try {
          store.put([record]);
        } catch {
          // a record from a newer client that this one cannot validate: leave it in the doc only
        }
      }
    });
  };
  records.observe(onRemote);

  const onMeta = (event: Y.YMapEvent<unknown>) => {
    if (!event.keysChanged.has(TLDRAW_SCHEMA_META_KEY) || !isBoardNewerThanClient(store, doc)) return;
    writable = false;
    if (notified) return;
    notified = true;
    options.onNewerSchema?.();
  };
  meta.observe(onMeta);

  return () => {
    stopListening();
    records.unobserve(onRemote);
    meta.unobserve(onMeta);
  };
}

import { canvasRecords, DocFields, readDocMeta, writeDocMeta } from '@samverka/model';
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

/** Marks Yjs transactions that came from this store, so we do not echo them back. */
const LOCAL_ORIGIN = Symbol('tldraw-local');

/** Where the tldraw schema (record versions) of a board is stored. */
const TLDRAW_SCHEMA_KEY = 'tldrawSchema';

function isDocumentRecord(store: TLStore, record: TLRecord): boolean {
  return store.scopedTypes.document.has(record.typeName);
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

/**
 * Loads a synced board into the store, or writes the store's default records
 * into an empty board. Records are migrated from the schema they were saved with.
 */
export function loadBoard(store: TLStore, doc: Y.Doc): void {
  const records = canvasRecords(doc) as Y.Map<TLRecord>;
  const meta = doc.getMap<unknown>(DocFields.meta);
  if (records.size === 0) {
    doc.transact(() => {
      for (const record of defaultBoardRecords(store)) records.set(record.id, record);
      meta.set(TLDRAW_SCHEMA_KEY, store.schema.serialize());
      if (!readDocMeta(doc)) writeDocMeta(doc, 'canvas');
    }, LOCAL_ORIGIN);
    return;
  }
  const storedSchema = (meta.get(TLDRAW_SCHEMA_KEY) as SerializedSchema | undefined) ?? store.schema.serialize();
  const migrated = store.schema.migrateStoreSnapshot({
    schema: storedSchema,
    store: Object.fromEntries(records.entries()) as Record<TLRecord['id'], TLRecord>,
  });
  if (migrated.type === 'error') throw new Error(`This board cannot be opened: ${migrated.reason}`);
  store.mergeRemoteChanges(() => {
    const incoming = Object.values(migrated.value);
    const keep = new Set(incoming.map((r) => r.id));
    const stale = store
      .allRecords()
      .filter((r) => isDocumentRecord(store, r) && !keep.has(r.id))
      .map((r) => r.id);
    if (stale.length > 0) store.remove(stale);
    store.put(incoming);
  });
}

/**
 * Keeps the store and the board's Y.Map in step both ways. Only the person's own
 * changes are written to Yjs; remote ones are merged so they never enter undo.
 */
export function bindStoreToDoc(store: TLStore, doc: Y.Doc): () => void {
  const records = canvasRecords(doc) as Y.Map<TLRecord>;

  const stopListening = store.listen(
    ({ changes }) => {
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
      if (put.length > 0) store.put(put);
    });
  };
  records.observe(onRemote);

  return () => {
    stopListening();
    records.unobserve(onRemote);
  };
}

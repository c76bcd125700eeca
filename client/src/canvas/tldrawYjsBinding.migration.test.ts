import { canvasRecords, seedPartnershipCanvas, TLDRAW_SCHEMA_META_KEY } from '@samverka/model';
import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type SerializedSchema,
  type TLRecord,
  type TLShapeId,
  type TLStore,
} from 'tldraw';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindStoreToDoc, loadBoard } from './tldrawYjsBinding.ts';

function newStore(): TLStore {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
}

type Sequences = Record<string, number>;

/** The client's schema with some record types set back (or forward) to other versions. */
function schemaWith(overrides: Sequences): SerializedSchema {
  const current = newStore().schema.serialize() as { schemaVersion: 2; sequences: Sequences };
  return { schemaVersion: 2, sequences: { ...current.sequences, ...overrides } };
}

/**
 * A template board as an older client would have stored it: every current
 * record rewritten down to `older` with tldraw's own migration sequences.
 * Frame v0 has no colour; geo/text before AddRichTextAttrs have no richText attrs.
 */
const OLDER = { 'com.tldraw.shape.frame': 0, 'com.tldraw.shape.geo': 10, 'com.tldraw.shape.text': 3 };

function olderBoard(): { doc: Y.Doc; currentRecords: Map<string, unknown> } {
  const seeded = new Y.Doc();
  seedPartnershipCanvas(seeded, 'en');
  const currentRecords = new Map(canvasRecords(seeded).entries());
  const store = newStore();
  const older = schemaWith(OLDER);
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const [id, record] of currentRecords) {
      const down = store.schema.migratePersistedRecord(record as TLRecord, older, 'down');
      if (down.type === 'error') throw new Error(`cannot write ${id} down: ${down.reason}`);
      canvasRecords(doc).set(id, down.value);
    }
    doc.getMap('meta').set(TLDRAW_SCHEMA_META_KEY, older);
  });
  return { doc, currentRecords };
}

const JOINT = 'shape:section-joint-objectives';

describe('schema migrations on load', () => {
  it('the fixture really holds older records', () => {
    const { doc } = olderBoard();
    expect((canvasRecords(doc).get(JOINT) as { props: object }).props).not.toHaveProperty('color');
  });

  it('migrates an older board on load and writes the migrated records back once', () => {
    const { doc, currentRecords } = olderBoard();
    const store = newStore();
    expect(loadBoard(store, doc)).toBe('migrated');
    expect(store.get(JOINT as TLShapeId)).toMatchObject({ props: { color: 'black' } });
    for (const [id, record] of currentRecords) expect(canvasRecords(doc).get(id)).toEqual(record);
    expect(doc.getMap('meta').get(TLDRAW_SCHEMA_META_KEY)).toEqual(store.schema.serialize());

    // A second client finds it current and writes nothing.
    let writes = 0;
    doc.on('update', () => {
      writes += 1;
    });
    expect(loadBoard(newStore(), doc)).toBe('current');
    expect(writes).toBe(0);
  });

  it('migrates a read-only client’s view without writing to the document', () => {
    const { doc } = olderBoard();
    const before = Y.encodeStateAsUpdate(doc);
    const store = newStore();
    expect(loadBoard(store, doc, { readOnly: true })).toBe('migrated');
    expect(store.get(JOINT as TLShapeId)).toMatchObject({ props: { color: 'black' } });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('never writes to a board whose schema is newer than the client’s', () => {
    const doc = new Y.Doc();
    seedPartnershipCanvas(doc, 'en');
    doc.getMap('meta').set(TLDRAW_SCHEMA_META_KEY, schemaWith({ 'com.tldraw.shape.frame': 99 }));
    const before = Y.encodeStateAsUpdate(doc);
    const store = newStore();
    expect(loadBoard(store, doc)).toBe('newer');
    expect(store.get(JOINT as TLShapeId)).toBeDefined();
    bindStoreToDoc(store, doc);
    store.update(JOINT as TLShapeId, (r) => ({ ...r, x: 999 }));
    store.put([
      store.schema.types.shape.create({
        id: createShapeId('mine'),
        type: 'text',
        parentId: 'page:page' as never,
        index: 'a9' as never,
        props: (store.get('shape:section-joint-objectives-prompt' as TLShapeId) as { props: object }).props,
      } as never),
    ]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('stops writing and says so when another client upgrades the board past this one', () => {
    const doc = new Y.Doc();
    seedPartnershipCanvas(doc, 'en');
    const store = newStore();
    loadBoard(store, doc);
    let told = 0;
    bindStoreToDoc(store, doc, {
      onNewerSchema: () => {
        told += 1;
      },
    });
    doc.getMap('meta').set(TLDRAW_SCHEMA_META_KEY, schemaWith({ 'com.tldraw.shape.note': 99 }));
    expect(told).toBe(1);
    store.update(JOINT as TLShapeId, (r) => ({ ...r, x: 999 }));
    expect((canvasRecords(doc).get(JOINT) as { x: number }).x).not.toBe(999);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import {
  boardRecords,
  DOC_SCHEMA_VERSION,
  legacyCanvasRecords,
  putBoardRecords,
  readBoard,
  readDocMeta,
  readRecord,
  seedPartnershipCanvas,
  TLDRAW_SCHEMA_META_KEY,
  writeDocMeta,
  writeTldrawSchema,
} from '@samverka/model';
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
import { compareSchemas } from './boardSchema.ts';
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
  const currentRecords = new Map(readBoard(seeded).map((record) => [record.id, record]));
  const store = newStore();
  const older = schemaWith(OLDER);
  const doc = new Y.Doc();
  doc.transact(() => {
    const down = [...currentRecords.values()].map((record) => {
      const result = store.schema.migratePersistedRecord(record as unknown as TLRecord, older, 'down');
      if (result.type === 'error') throw new Error(`cannot write ${record.id} down: ${result.reason}`);
      return result.value;
    });
    putBoardRecords(doc, down as never);
    writeTldrawSchema(doc, older as never);
    writeDocMeta(doc, 'canvas');
  });
  return { doc, currentRecords };
}

function recordOf(doc: Y.Doc, id: string) {
  return readRecord(boardRecords(doc).get(id) as Y.Map<unknown>);
}

/** A board saved by the version-1 binding (each record one JSON value): see fixtures/generateBoardV1.ts. */
function versionOneBoard(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fs.readFileSync(path.join(import.meta.dirname, 'fixtures/board-v1.ybin')));
  return doc;
}

const JOINT = 'shape:section-joint-objectives';

describe('schema migrations on load', () => {
  it('the fixture really holds older records', () => {
    const { doc } = olderBoard();
    expect(recordOf(doc, JOINT).props).not.toHaveProperty('color');
  });

  it('migrates an older board on load and writes the migrated records back once', () => {
    const { doc, currentRecords } = olderBoard();
    const store = newStore();
    expect(loadBoard(store, doc)).toBe('migrated');
    expect(store.get(JOINT as TLShapeId)).toMatchObject({ props: { color: 'black' } });
    for (const [id, record] of currentRecords) expect(recordOf(doc, id)).toEqual(record);
    expect(doc.getMap('meta').get(TLDRAW_SCHEMA_META_KEY)).toMatchObject(store.schema.serialize());

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
    writeTldrawSchema(doc, schemaWith({ 'com.tldraw.shape.frame': 99 }) as never);
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
    writeTldrawSchema(doc, schemaWith({ 'com.tldraw.shape.note': 99 }) as never);
    expect(told).toBe(1);
    store.update(JOINT as TLShapeId, (r) => ({ ...r, x: 999 }));
    expect(recordOf(doc, JOINT).x).not.toBe(999);
  });
});

describe('boards saved in the version-1 shape', () => {
  it('opens converted to the per-property shape, with every record intact, in one transaction', () => {
    const doc = versionOneBoard();
    const saved = new Map([...legacyCanvasRecords(doc).entries()]);
    expect(saved.size).toBeGreaterThan(30);
    let transactions = 0;
    doc.on('afterTransaction', () => {
      transactions += 1;
    });
    const store = newStore();
    expect(loadBoard(store, doc)).toBe('migrated');
    expect(transactions).toBe(1);
    expect(readDocMeta(doc)?.schemaVersion).toBe(DOC_SCHEMA_VERSION.canvas);
    expect(legacyCanvasRecords(doc).size).toBe(0);
    for (const [id, record] of saved) {
      expect(recordOf(doc, id)).toEqual(record);
      expect(store.get(id as TLShapeId)).toEqual(record);
    }
    expect(store.get(createShapeId('fixture-note'))).toMatchObject({ x: 60, props: { color: 'yellow' } });
    expect(store.query.records('binding').get()).toHaveLength(2);
  });

  it('reads a version-1 board for a read-only client without writing', () => {
    const doc = versionOneBoard();
    const before = Y.encodeStateAsUpdate(doc);
    const store = newStore();
    loadBoard(store, doc, { readOnly: true });
    expect(store.get(createShapeId('fixture-note'))).toBeDefined();
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('marks a converted board so a version-1 client finds it newer (reload notice, no writes)', () => {
    const doc = versionOneBoard();
    loadBoard(newStore(), doc);
    // A version-1 client compares the raw stored schema with its own, nothing else.
    const raw = doc.getMap('meta').get(TLDRAW_SCHEMA_META_KEY) as never;
    expect(compareSchemas(raw, newStore().schema.serialize())).toBe('newer');
  });

  it('converts once: a second client finds the board current and writes nothing', () => {
    const doc = versionOneBoard();
    loadBoard(newStore(), doc);
    const after = Y.encodeStateAsUpdate(doc);
    expect(loadBoard(newStore(), doc)).toBe('current');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(after);
  });
});

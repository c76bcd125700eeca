import { boardRecords, readDocMeta } from '@samverka/model';
import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  GeoShapeUtil,
  type TLGeoShape,
  type TLStore,
} from 'tldraw';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindStoreToDoc, loadBoard } from './tldrawYjsBinding.ts';

function newStore(): TLStore {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
}

/** Two Y.Docs wired together as the server would relay between them. */
function linkedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(b, u, 'relay'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(a, u, 'relay'));
  return [a, b];
}

function geo(id: string, x: number) {
  return {
    id: createShapeId(id),
    type: 'geo' as const,
    x,
    y: 0,
    parentId: 'page:page' as never,
    index: 'a1' as never,
    // Default geo props without mounting an editor; getDefaultProps reads no state.
    props: GeoShapeUtil.prototype.getDefaultProps.call(null as never),
  };
}

describe('tldraw ↔ Yjs binding', () => {
  it('initialises an empty board with the store’s document records and stamps its kind', () => {
    const doc = new Y.Doc();
    const store = newStore();
    loadBoard(store, doc);
    expect(boardRecords(doc).has('document:document')).toBe(true);
    expect(boardRecords(doc).has('page:page')).toBe(true);
    expect(readDocMeta(doc)?.kind).toBe('canvas');
  });

  it('carries shapes created, moved and deleted in one store to another', () => {
    const [docA, docB] = linkedDocs();
    const storeA = newStore();
    const storeB = newStore();
    loadBoard(storeA, docA);
    loadBoard(storeB, docB);
    bindStoreToDoc(storeA, docA);
    bindStoreToDoc(storeB, docB);

    const shape = storeA.schema.types.shape.create(geo('s1', 10));
    storeA.put([shape]);
    expect(storeB.get(shape.id)).toMatchObject({ x: 10, type: 'geo' });

    storeB.update(shape.id, (r) => ({ ...r, x: 250 }));
    expect(storeA.get(shape.id)).toMatchObject({ x: 250 });

    storeA.remove([shape.id]);
    expect(storeB.get(shape.id)).toBeUndefined();
  });

  it('loads an existing board into a fresh store', () => {
    const doc = new Y.Doc();
    const first = newStore();
    loadBoard(first, doc);
    bindStoreToDoc(first, doc);
    first.put([first.schema.types.shape.create(geo('kept', 42))]);

    const later = newStore();
    loadBoard(later, doc);
    expect(later.get(createShapeId('kept'))).toMatchObject({ x: 42 });
  });

  it('does not write remote changes back into the document', () => {
    const [docA, docB] = linkedDocs();
    const storeA = newStore();
    const storeB = newStore();
    loadBoard(storeA, docA);
    loadBoard(storeB, docB);
    bindStoreToDoc(storeA, docA);
    bindStoreToDoc(storeB, docB);
    let writesFromB = 0;
    docB.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== 'relay') writesFromB += 1;
    });
    storeA.put([storeA.schema.types.shape.create(geo('echo', 1))]);
    expect(storeB.get(createShapeId('echo'))).toBeDefined();
    expect(writesFromB).toBe(0);
  });

  it('writes only the properties that changed: a move sends x and y, not the record', () => {
    const [docA, docB] = linkedDocs();
    const storeA = newStore();
    loadBoard(storeA, docA);
    bindStoreToDoc(storeA, docA);
    const shape = storeA.schema.types.shape.create(geo('small', 10));
    storeA.put([shape]);
    const updates: Uint8Array[] = [];
    docA.on('update', (u: Uint8Array) => updates.push(u));
    storeA.update(shape.id, (r) => ({ ...r, x: 11, y: 12 }));
    expect(updates).toHaveLength(1);
    // The whole record is over 400 bytes as an update; two numbers are a few dozen.
    expect(updates[0]?.byteLength).toBeLessThan(60);
    expect(docB.getMap('board').get(shape.id)).toBeDefined();
  });

  it('applies a remote move without replacing the shape’s other properties (the text being edited keeps its caret)', () => {
    const [docA, docB] = linkedDocs();
    const storeA = newStore();
    const storeB = newStore();
    loadBoard(storeA, docA);
    loadBoard(storeB, docB);
    bindStoreToDoc(storeA, docA);
    bindStoreToDoc(storeB, docB);
    const shape = storeA.schema.types.shape.create(geo('typed', 10)) as TLGeoShape;
    storeA.put([shape]);
    const before = storeB.get(shape.id) as TLGeoShape;
    storeA.update(shape.id, (r) => ({ ...r, x: 99 }));
    const after = storeB.get(shape.id) as TLGeoShape;
    expect(after.x).toBe(99);
    // tldraw resets a text editor when its richText object changes; an unchanged one must stay the same object.
    expect(after.props.richText).toBe(before.props.richText);
    expect(after.meta).toBe(before.meta);
  });
});

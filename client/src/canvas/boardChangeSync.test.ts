import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  defaultTools,
  Editor,
  GeoShapeUtil,
  type TLGeoShape,
  type TLStore,
} from 'tldraw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { RemoteChangeBatch, type Schedule } from './boardChangeSync.ts';
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

/** A frame that comes when the test says so. */
function manualFrames(): { schedule: Schedule; frame(): void } {
  let due: (() => void) | undefined;
  return {
    schedule: (flush) => {
      due = flush;
      return () => {
        due = undefined;
      };
    },
    frame: () => {
      const flush = due;
      due = undefined;
      flush?.();
    },
  };
}

function geo(store: TLStore, id: string, x: number): TLGeoShape {
  return store.schema.types.shape.create({
    id: createShapeId(id),
    type: 'geo',
    x,
    y: 0,
    parentId: 'page:page' as never,
    index: 'a1' as never,
    props: GeoShapeUtil.prototype.getDefaultProps.call(null as never),
  }) as TLGeoShape;
}

/** Counts the merges of remote changes a store goes through (one history entry each). */
function countMerges(store: TLStore): () => number {
  let merges = 0;
  store.listen(() => (merges += 1), { source: 'remote', scope: 'all' });
  return () => merges;
}

afterEach(() => vi.useRealTimers());

describe('pacing of live board changes', () => {
  it('merges the remote changes that arrived before a frame in one merge, with what they last said', () => {
    const [docA, docB] = linkedDocs();
    const storeA = newStore();
    const storeB = newStore();
    loadBoard(storeA, docA);
    loadBoard(storeB, docB);
    bindStoreToDoc(storeA, docA);
    const frames = manualFrames();
    const remote = new RemoteChangeBatch(storeB, frames.schedule);
    bindStoreToDoc(storeB, docB, { remote });
    const shape = geo(storeA, 'dragged', 0);
    storeA.put([shape]);
    frames.frame();
    const merges = countMerges(storeB);

    for (const x of [10, 20, 30]) storeA.update(shape.id, (r) => ({ ...r, x }));
    let cursorsApplied = 0;
    remote.queue('cursors', () => (cursorsApplied += 1));
    expect(storeB.get(shape.id)?.x).toBe(0);

    frames.frame();
    expect(storeB.get(shape.id)?.x).toBe(30);
    expect(cursorsApplied).toBe(1);
    expect(merges()).toBe(1);
  });

  it('writes quick local moves as one Y transaction, the first at once and the rest when the interval has passed', () => {
    vi.useFakeTimers();
    const [docA, docB] = linkedDocs();
    const storeA = newStore();
    loadBoard(storeA, docA);
    bindStoreToDoc(storeA, docA, { localIntervalMs: 33 });
    const shape = geo(storeA, 'moved', 0);
    vi.advanceTimersByTime(100);
    storeA.put([shape]);
    const transactions: Uint8Array[] = [];
    docA.on('update', (u: Uint8Array) => transactions.push(u));

    vi.advanceTimersByTime(100);
    storeA.update(shape.id, (r) => ({ ...r, x: 1 }));
    expect(transactions).toHaveLength(1);
    storeA.update(shape.id, (r) => ({ ...r, x: 2, y: 5 }));
    storeA.update(shape.id, (r) => ({ ...r, x: 3 }));
    expect(transactions).toHaveLength(1);

    vi.advanceTimersByTime(33);
    expect(transactions).toHaveLength(2);
    const onB = docB.getMap<Y.Map<unknown>>('board').get(shape.id);
    expect([onB?.get('x'), onB?.get('y')]).toEqual([3, 5]);
  });

  it('writes own pending changes before merging remote ones, so a remote edit never undoes a local move', () => {
    vi.useFakeTimers();
    const [docA, docB] = linkedDocs();
    const storeA = newStore();
    const storeB = newStore();
    loadBoard(storeA, docA);
    loadBoard(storeB, docB);
    const frames = manualFrames();
    bindStoreToDoc(storeA, docA, { localIntervalMs: 1000, remote: new RemoteChangeBatch(storeA, frames.schedule) });
    bindStoreToDoc(storeB, docB);
    const shape = geo(storeA, 'contested', 0);
    storeA.put([shape]);
    storeA.update(shape.id, (r) => ({ ...r, x: 77 }));
    expect(storeB.get(shape.id)?.x).toBe(0);

    storeB.update(shape.id, (r) => ({ ...r, props: { ...(r as TLGeoShape).props, color: 'red' } }) as TLGeoShape);
    frames.frame();
    const onA = storeA.get(shape.id) as TLGeoShape;
    expect([onA.x, onA.props.color]).toEqual([77, 'red']);
    const onB = storeB.get(shape.id) as TLGeoShape;
    expect([onB.x, onB.props.color]).toEqual([77, 'red']);
  });

  it('undoes only one’s own change when remote changes are merged once a frame', () => {
    const [docA, docB] = linkedDocs();
    const editorOn = (doc: Y.Doc, remote?: (store: TLStore) => RemoteChangeBatch) => {
      const store = newStore();
      loadBoard(store, doc);
      bindStoreToDoc(store, doc, { remote: remote?.(store) });
      const container = document.createElement('div');
      document.body.append(container);
      return new Editor({
        store,
        shapeUtils: defaultShapeUtils,
        bindingUtils: defaultBindingUtils,
        tools: defaultTools,
        getContainer: () => container,
      });
    };
    const frames = manualFrames();
    const anna = editorOn(docA, (store) => new RemoteChangeBatch(store, frames.schedule));
    const erik = editorOn(docB);
    const annas = createShapeId('annas');
    const eriks = createShapeId('eriks');
    try {
      anna.markHistoryStoppingPoint();
      anna.createShape({ id: annas, type: 'geo', x: 0, y: 0 });
      erik.createShape({ id: eriks, type: 'geo', x: 300, y: 0 });
      erik.updateShape({ id: eriks, type: 'geo', x: 400 });
      frames.frame();
      expect(anna.getShape(eriks)?.x).toBe(400);

      anna.undo();
      expect(anna.getShape(annas)).toBeUndefined();
      expect(anna.getShape(eriks)?.x).toBe(400);
      expect(erik.getShape(annas)).toBeUndefined();
    } finally {
      anna.dispose();
      erik.dispose();
    }
  });
});

import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  defaultTools,
  Editor,
  type TLShapeId,
} from 'tldraw';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindStoreToDoc, loadBoard } from './tldrawYjsBinding.ts';

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.dispose();
});

/** A real tldraw editor (with its undo history) bound to `doc`. */
function editorOn(doc: Y.Doc): Editor {
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
  loadBoard(store, doc);
  bindStoreToDoc(store, doc);
  const container = document.createElement('div');
  document.body.append(container);
  const editor = new Editor({
    store,
    shapeUtils: defaultShapeUtils,
    bindingUtils: defaultBindingUtils,
    tools: defaultTools,
    getContainer: () => container,
  });
  editors.push(editor);
  return editor;
}

function linkedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(b, u, 'relay'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(a, u, 'relay'));
  return [a, b];
}

describe('undo across two people', () => {
  it('undoes only one’s own change, never a collaborator’s', () => {
    const [docA, docB] = linkedDocs();
    const anna = editorOn(docA);
    const erik = editorOn(docB);
    const annas = createShapeId('annas');
    const eriks = createShapeId('eriks');

    anna.markHistoryStoppingPoint();
    anna.createShape({ id: annas, type: 'geo', x: 0, y: 0 });
    erik.markHistoryStoppingPoint();
    erik.createShape({ id: eriks, type: 'geo', x: 300, y: 0 });
    expect(anna.getShape(eriks)).toBeDefined();

    // Erik's later change is the most recent on Anna's board, but not hers to undo.
    anna.undo();
    expect(anna.getShape(annas)).toBeUndefined();
    expect(anna.getShape(eriks)).toBeDefined();
    expect(erik.getShape(annas as TLShapeId)).toBeUndefined();
    expect(erik.getShape(eriks)).toBeDefined();

    anna.redo();
    expect(erik.getShape(annas)).toBeDefined();
  });
});

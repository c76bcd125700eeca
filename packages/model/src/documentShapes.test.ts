import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isDocumentId } from './documentIds.ts';
import { DOC_SCHEMA_VERSION, DocFields, readDocMeta, writeDocMeta } from './documentShapes.ts';

describe('document meta', () => {
  it('round-trips kind and schema version through a Yjs update', () => {
    const source = new Y.Doc();
    writeDocMeta(source, 'canvas');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(source));
    expect(readDocMeta(copy)).toEqual({ kind: 'canvas', schemaVersion: DOC_SCHEMA_VERSION.canvas });
  });

  it('is absent on an unstamped document and on an unknown kind', () => {
    const doc = new Y.Doc();
    expect(readDocMeta(doc)).toBeUndefined();
    doc.getMap(DocFields.meta).set('kind', 'spreadsheet');
    doc.getMap(DocFields.meta).set('schemaVersion', 1);
    expect(readDocMeta(doc)).toBeUndefined();
  });
});

describe('document ids', () => {
  it('accept URL-safe ids and refuse paths, empties and long ids', () => {
    expect(isDocumentId('demo-canvas_01')).toBe(true);
    for (const bad of ['', '../etc', 'a/b', 'x'.repeat(65), 'å', 'a b']) expect(isDocumentId(bad)).toBe(false);
  });
});

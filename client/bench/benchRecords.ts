import * as Y from 'yjs';

/** Shape records for benchmarks, as the binding stores them (tldraw 5 geo records, plain JSON). */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A valid, ordered tldraw index for the n-th of up to 238,328 siblings (never ends in "0"). */
export function benchIndex(n: number): string {
  const digits = [Math.floor(n / 3844) % 62, Math.floor(n / 62) % 62, n % 62].map((d) => BASE62[d]).join('');
  return `a1${digits}V`;
}

/** The id of the n-th benchmark shape. */
export function benchShapeId(n: number): string {
  return `shape:bench-${n}`;
}

/** A filled 100×100 rectangle at (x, y) on page:page (filled, so a pointer anywhere on it grabs it). */
export function benchShapeRecord(n: number, x: number, y: number) {
  return {
    id: benchShapeId(n),
    typeName: 'shape',
    type: 'geo',
    parentId: 'page:page',
    index: benchIndex(n),
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      geo: 'rectangle',
      dash: 'draw',
      url: '',
      w: 100,
      h: 100,
      growY: 0,
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      color: 'black',
      fill: 'solid',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: { type: 'doc', content: [{ type: 'paragraph' }] },
    },
  };
}

/** The size of a document's full state as a new client would download it. */
export function encodedSize(doc: Y.Doc): number {
  return Y.encodeStateAsUpdate(doc).byteLength;
}

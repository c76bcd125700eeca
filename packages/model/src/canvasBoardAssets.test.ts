import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { assetIdOfSrc, assetSrc } from './api/assets.ts';
import { boardAssetIds } from './canvasBoard.ts';
import { legacyCanvasRecords } from './documentShapes.ts';
import { addShapes, geoShape, imageAsset } from './snapshots/compareFixture.ts';

describe('the uploads a board shows', () => {
  it('reads our asset ids from asset records, in the current board shape and a version-1 one', () => {
    const doc = new Y.Doc();
    addShapes(doc, [
      imageAsset('asset:a', assetSrc('upload-a')),
      imageAsset('asset:web', 'https://example.org/logo.png'),
      { ...geoShape('shape:g', 'Not an asset'), props: { src: assetSrc('not-an-asset-record') } },
    ]);
    legacyCanvasRecords(doc).set('asset:b', imageAsset('asset:b', assetSrc('upload-b')));
    expect([...boardAssetIds(doc)].sort()).toEqual(['upload-a', 'upload-b']);
  });

  it('takes only well-formed ids under our route', () => {
    expect(assetIdOfSrc('/api/assets/abc_DEF-1')).toBe('abc_DEF-1');
    expect(assetIdOfSrc('/api/assets/a/../b')).toBeUndefined();
    expect(assetIdOfSrc('/elsewhere/abc')).toBeUndefined();
    expect(assetIdOfSrc(null)).toBeUndefined();
  });
});

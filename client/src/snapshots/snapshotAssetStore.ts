import { assetIdOfSrc, sharedAssetPath } from '@samverka/model';
import type { TLAssetStore } from 'tldraw';
import type { SnapshotSource } from './snapshotSource.ts';

/**
 * Where a snapshot's board loads its images and videos. Asset records keep the member
 * route (`/api/assets/:id`) they were uploaded to; a link holder has no session for it,
 * so through a share link our uploads are read from `/api/shared/:token/assets/:id`,
 * which the token opens for the uploads this snapshot's boards show. Nothing is uploaded.
 */
export function snapshotAssetStore(source: SnapshotSource): TLAssetStore {
  return {
    upload() {
      return Promise.reject(new Error('A snapshot is read-only'));
    },
    resolve(asset) {
      const src = asset.props.src;
      if (source.kind !== 'shared') return src;
      const assetId = assetIdOfSrc(src);
      return assetId ? sharedAssetPath(source.token, assetId) : src;
    },
  };
}

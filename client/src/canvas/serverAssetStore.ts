import { ASSET_CONTENT_TYPES, type AssetResponse } from '@samverka/model';
import type { TLAssetStore } from 'tldraw';
import { ApiRequestError } from '../api/apiClient.ts';

/**
 * Where tldraw puts dropped images and videos: uploaded to our server as raw
 * bytes, referenced from the board by a same-origin URL that checks membership.
 * Never a data: URL, so boards stay small and files stay behind authorisation.
 */
export function serverAssetStore(documentId: string): TLAssetStore {
  return {
    async upload(_asset, file, abortSignal) {
      if (!(ASSET_CONTENT_TYPES as readonly string[]).includes(file.type)) {
        throw new ApiRequestError(415, 'unsupported_media_type', `${file.type || 'This file'} cannot be uploaded`);
      }
      const response = await fetch(`/api/documents/${encodeURIComponent(documentId)}/assets`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': file.type },
        body: file,
        signal: abortSignal,
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => undefined)) as
          | { error?: { id: string; message: string } }
          | undefined;
        throw new ApiRequestError(
          response.status,
          body?.error?.id ?? 'internal_error',
          body?.error?.message ?? 'Upload failed',
        );
      }
      const { asset } = (await response.json()) as AssetResponse;
      return { src: asset.src };
    },
    resolve(asset) {
      return asset.props.src;
    },
  };
}

import {
  ASSET_CONTENT_TYPES,
  type AssetContentType,
  type AssetResponse,
  assetResponseSchema,
  assetSrc,
  idSchema,
} from '@samverka/model';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppServices } from '../appServices.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { documentParams, documentTarget } from '../http/pathParams.ts';
import { randomId } from '../ids.ts';
import type { AssetsTable } from '../storage/schema.ts';
import { bytesMatchType } from './contentSniffing.ts';

/** Served assets never run script and are never framed, whatever their bytes. */
const ASSET_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

/** The path the asset upload listens on; the JSON body limit does not apply to it. */
export const ASSET_UPLOAD_PATH = /^\/api\/documents\/[^/]+\/assets$/;

function declaredType(c: Context): AssetContentType {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(ASSET_CONTENT_TYPES as readonly string[]).includes(type)) {
    throw apiErrors.unsupportedMediaType(`Only ${ASSET_CONTENT_TYPES.join(', ')} can be uploaded`);
  }
  return type as AssetContentType;
}

/** Whether an If-None-Match header names `etag` (or is `*`), weak or strong. */
function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
}

/** Images and videos dropped on a canvas: uploaded to a document, served to its partnership's members. */
export function mountAssetRoutes(router: ApiRouter, services: AppServices): void {
  const { db, config } = services;
  const tag = 'Assets';

  router.add(
    {
      method: 'post',
      path: '/api/documents/:documentId/assets',
      tag,
      summary: 'Upload an image or video for a canvas (raw bytes; Content-Type says which kind)',
      params: documentParams,
      access: { action: 'edit', target: documentTarget },
      response: assetResponseSchema,
      status: 201,
    },
    async ({ c, grant: { document, actor } }) => {
      if (document.kind !== 'canvas') throw apiErrors.notACanvas();
      const contentType = declaredType(c);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.byteLength > config.assets.maxBytes) {
        throw apiErrors.payloadTooLarge(uploadLimitMessage(config.assets.maxBytes));
      }
      if (bytes.byteLength === 0 || !bytesMatchType(bytes, contentType)) {
        throw apiErrors.unsupportedMediaType(`The file is not a valid ${contentType}`);
      }
      const id = randomId(15);
      await db
        .insertInto('assets')
        .values({
          id,
          partnership_id: document.partnership_id,
          document_id: document.id,
          content_type: contentType,
          byte_size: bytes.byteLength,
          data: bytes,
          created_by: actor.userId,
          created_at: Date.now(),
        })
        .execute();
      const body: AssetResponse = { asset: { id, contentType, byteSize: bytes.byteLength, src: assetSrc(id) } };
      return c.json(body, 201);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/assets/:assetId',
      tag,
      summary: 'An uploaded asset, for members of its partnership',
      params: z.object({ assetId: idSchema }),
      access: { action: 'read', target: (params) => ({ kind: 'asset', id: params.assetId }) },
      status: 200,
    },
    ({ c, grant: { asset } }) => assetAnswer(c, asset),
  );
}

/**
 * An uploaded asset's bytes, to whoever was let through. The browser may keep a copy but
 * must ask every time, so a removed member's (or a revoked link's) cache stops serving it;
 * an asset never changes, so its id is its ETag.
 */
export function assetAnswer(c: Context, asset: AssetsTable): Response {
  const caching = { 'Cache-Control': 'private, no-cache', ETag: `"${asset.id}"` };
  if (etagMatches(c.req.header('if-none-match'), caching.ETag)) return c.body(null, 304, caching);
  const data = asset.data instanceof Uint8Array ? asset.data : new Uint8Array(asset.data);
  return c.body(new Uint8Array(data), 200, {
    ...caching,
    'Content-Type': asset.content_type,
    'Content-Length': String(asset.byte_size),
    'Content-Security-Policy': ASSET_CSP,
  });
}

/** The 413 message of an upload over `ASSET_MAX_BYTES`, for the route and the body limit alike. */
export function uploadLimitMessage(maxBytes: number): string {
  return `Uploads are limited to ${maxBytes} bytes`;
}

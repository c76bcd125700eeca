import {
  ASSET_CONTENT_TYPES,
  type AssetContentType,
  type AssetResponse,
  assetResponseSchema,
  ErrorId,
  idSchema,
} from '@samverka/model';
import type { Context } from 'hono';
import type { AppServices } from '../appServices.ts';
import { actorOf, requireAuth } from '../auth/requestAuth.ts';
import { randomId } from '../auth/sessionTokens.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { ApiError } from '../http/httpErrors.ts';
import { parseValue } from '../http/validation.ts';
import { authorizeDocument, authorizePartnership } from '../policy/partnershipAccess.ts';
import { bytesMatchType } from './contentSniffing.ts';

/** Served assets never run script and are never framed, whatever their bytes. */
const ASSET_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

/** The path the asset upload listens on; the JSON body limit does not apply to it. */
export const ASSET_UPLOAD_PATH = /^\/api\/documents\/[^/]+\/assets$/;

function declaredType(c: Context): AssetContentType {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(ASSET_CONTENT_TYPES as readonly string[]).includes(type)) {
    throw new ApiError(415, ErrorId.UNSUPPORTED_MEDIA_TYPE, `Only ${ASSET_CONTENT_TYPES.join(', ')} can be uploaded`);
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
      access: 'edit',
      response: assetResponseSchema,
      status: 201,
    },
    async (c) => {
      const auth = requireAuth(c);
      const documentId = parseValue(idSchema, c.req.param('documentId'));
      const { document } = await authorizeDocument(db, actorOf(c), documentId, 'edit');
      if (document.kind !== 'canvas')
        throw new ApiError(400, ErrorId.NOT_A_CANVAS, 'Assets can only be added to a canvas');
      const contentType = declaredType(c);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.byteLength > config.assets.maxBytes) {
        throw new ApiError(413, ErrorId.PAYLOAD_TOO_LARGE, `Uploads are limited to ${config.assets.maxBytes} bytes`);
      }
      if (bytes.byteLength === 0 || !bytesMatchType(bytes, contentType)) {
        throw new ApiError(415, ErrorId.UNSUPPORTED_MEDIA_TYPE, `The file is not a valid ${contentType}`);
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
          created_by: auth.user.id,
          created_at: Date.now(),
        })
        .execute();
      const body: AssetResponse = { asset: { id, contentType, byteSize: bytes.byteLength, src: `/api/assets/${id}` } };
      return c.json(body, 201);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/assets/:assetId',
      tag,
      summary: 'An uploaded asset, for members of its partnership',
      access: 'read',
      status: 200,
    },
    async (c) => {
      requireAuth(c); // anonymous callers learn nothing, not even whether the id exists
      const assetId = parseValue(idSchema, c.req.param('assetId'));
      const asset = await db
        .selectFrom('assets')
        .select(['partnership_id', 'content_type', 'byte_size'])
        .where('id', '=', assetId)
        .executeTakeFirst();
      // Unknown ids and other partnerships' assets answer alike: 404.
      if (!asset) throw apiErrors.notFound('No such asset');
      await authorizePartnership(db, actorOf(c), asset.partnership_id, 'read');
      // The browser may keep a copy but must ask every time, so a removed member's
      // cache stops serving it; an asset never changes, so its id is its ETag.
      const caching = { 'Cache-Control': 'private, no-cache', ETag: `"${assetId}"` };
      if (etagMatches(c.req.header('if-none-match'), caching.ETag)) return c.body(null, 304, caching);
      const row = await db.selectFrom('assets').select('data').where('id', '=', assetId).executeTakeFirstOrThrow();
      const data = row.data instanceof Uint8Array ? row.data : new Uint8Array(row.data);
      return c.body(new Uint8Array(data), 200, {
        ...caching,
        'Content-Type': asset.content_type,
        'Content-Length': String(asset.byte_size),
        'Content-Security-Policy': ASSET_CSP,
      });
    },
  );
}

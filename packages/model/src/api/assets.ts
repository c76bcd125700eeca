import { z } from 'zod';
import { idSchema } from './common.ts';

/**
 * What may be dropped on a canvas. SVG is served with a sandboxing
 * Content-Security-Policy, so a script inside one never runs on our origin.
 */
export const ASSET_CONTENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/svg+xml',
  'video/mp4',
  'video/webm',
] as const;
export type AssetContentType = (typeof ASSET_CONTENT_TYPES)[number];

/** Default largest upload, in bytes; the server's `ASSET_MAX_BYTES` overrides it. */
export const DEFAULT_ASSET_MAX_BYTES = 10 * 1024 * 1024;

/** Where members read an uploaded asset: `<prefix><assetId>`, the `src` its canvas record holds. */
export const ASSET_PATH_PREFIX = '/api/assets/';

/** The `src` a canvas's asset record holds for one of our uploads. */
export function assetSrc(assetId: string): string {
  return `${ASSET_PATH_PREFIX}${assetId}`;
}

/** The asset id a canvas asset record's `src` names, when it is one of our uploads (else undefined). */
export function assetIdOfSrc(src: unknown): string | undefined {
  if (typeof src !== 'string' || !src.startsWith(ASSET_PATH_PREFIX)) return undefined;
  const id = src.slice(ASSET_PATH_PREFIX.length);
  return idSchema.safeParse(id).success ? id : undefined;
}

export const assetSchema = z.object({
  id: idSchema,
  contentType: z.enum(ASSET_CONTENT_TYPES),
  byteSize: z.number().int(),
  /** Where the canvas loads it from: a same-origin URL that checks membership. */
  src: z.string(),
});
export type Asset = z.infer<typeof assetSchema>;

export const assetResponseSchema = z.object({ asset: assetSchema });
export type AssetResponse = z.infer<typeof assetResponseSchema>;

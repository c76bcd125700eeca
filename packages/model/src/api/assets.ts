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

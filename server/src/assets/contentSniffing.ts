import type { AssetContentType } from '@samverka/model';

const startsWith = (bytes: Uint8Array, prefix: number[], offset = 0) =>
  prefix.every((byte, i) => bytes[offset + i] === byte);

/**
 * Whether the bytes are what the declared type says. A browser trusts our
 * Content-Type when it renders an asset, so a mislabelled upload is refused.
 */
export function bytesMatchType(bytes: Uint8Array, type: AssetContentType): boolean {
  switch (type) {
    case 'image/png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case 'image/gif':
      return startsWith(bytes, [0x47, 0x49, 0x46, 0x38]);
    case 'image/webp':
      return startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8);
    case 'video/mp4':
      return startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4);
    case 'video/webm':
      return startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3]);
    case 'image/svg+xml': {
      const head = new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
      return head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'));
    }
  }
}

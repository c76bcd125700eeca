/** Encodings the build writes next to each file (client/build/precompress.ts), best first. */
export const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;
export type Precompressed = (typeof PRECOMPRESSED)[number];

/**
 * The encodings an Accept-Encoding header allows, by name: `q=0` refuses one, `*` stands for
 * every encoding not named. No header allows none of ours (RFC 9110 §12.5.3 lets us pick
 * identity then, and it is what a client that sent nothing can surely read).
 */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  if (!header) return accepted;
  const named = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    named.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const wildcard = named.get('*');
  for (const { encoding } of PRECOMPRESSED) {
    const weight = named.get(encoding) ?? (encoding === 'gzip' ? named.get('x-gzip') : undefined) ?? wildcard ?? 0;
    if (weight > 0) accepted.add(encoding);
  }
  return accepted;
}

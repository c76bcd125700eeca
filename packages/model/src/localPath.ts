/** The WHATWG URL of browsers and Node; this package compiles without DOM or Node types. */
declare const URL: new (
  input: string,
  base?: string | { href: string },
) => { href: string; origin: string; pathname: string; search: string; hash: string };

/**
 * Tab, newline and other control characters (URL parsers drop them, so `/\t/evil.example` is read
 * as `//evil.example`) and backslashes (browsers read `\` as `/` in http URLs).
 */
function hasUnsafeCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

/**
 * A `?next=` value as a path on this site (path, query and fragment), or null when it is not one.
 * Resolved against `origin` the way a browser would, so only what stays on the same origin
 * survives; both the sign-in page and the server's OpenID Connect callback redirect with it.
 */
export function localPathOrNull(next: string | null | undefined, origin: string): string | null {
  if (!next?.startsWith('/') || hasUnsafeCharacter(next)) return null;
  let base: InstanceType<typeof URL>;
  let resolved: InstanceType<typeof URL>;
  try {
    base = new URL(origin);
    resolved = new URL(next, base);
  } catch {
    return null;
  }
  if (resolved.origin !== base.origin) return null;
  return resolved.pathname + resolved.search + resolved.hash;
}

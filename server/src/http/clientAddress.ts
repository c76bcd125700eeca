import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    /** The client's address as the trusted proxies report it (or the TCP peer's). */
    clientAddress: string;
  }
}

/** The TCP peer of a request, without any proxy header. */
function peerAddress(c: Context): string {
  try {
    return normalise(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

/** `::ffff:10.0.0.1` is how a dual-stack socket reports an IPv4 peer: compare it as IPv4. */
function normalise(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * The proxies whose `X-Forwarded-For` is believed: addresses and CIDR ranges
 * (`10.0.0.0/8`, `::1`, `fd00::/8`). Throws on an entry that is neither.
 */
export function parseTrustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    if (family === 0) throw new Error(`not an IP address or CIDR range: ${entry}`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else {
      const bits = Number(prefix);
      if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) throw new Error(`bad prefix length: ${entry}`);
      list.addSubnet(address, bits, type);
    }
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Works out each request's client address once. Behind trusted proxies the
 * `X-Forwarded-For` chain is read from the right (the hop nearest to us),
 * skipping trusted proxies; the first address that is not one is the client.
 * A header from an untrusted peer is ignored, so nobody can pick their own
 * rate-limit bucket by sending one.
 */
export function resolveClientAddress(trusted: BlockList | undefined): MiddlewareHandler {
  return async (c, next) => {
    let address = peerAddress(c);
    if (trusted && isTrusted(trusted, address)) {
      const hops = (c.req.header('x-forwarded-for') ?? '')
        .split(',')
        .map((hop) => normalise(hop.trim()))
        .filter(Boolean);
      for (let i = hops.length - 1; i >= 0; i--) {
        const hop = hops[i] as string;
        if (isIP(hop) === 0) break;
        address = hop;
        if (!isTrusted(trusted, hop)) break;
      }
    }
    c.set('clientAddress', address);
    await next();
  };
}

/** The client address of a request (see resolveClientAddress); the TCP peer where it did not run. */
export function clientAddress(c: Context): string {
  return c.get('clientAddress') ?? peerAddress(c);
}

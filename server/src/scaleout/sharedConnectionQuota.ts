import { CloseCode } from '@samverka/model';
import type { Logger } from '../logger.ts';
import type { ConnectionQuota, ConnectionQuotaLimits, QuotaSlot, SocketQuota } from '../sync/connectionQuota.ts';
import type { RedisLink } from './redisLink.ts';

/** A process that dies leaves its sockets counted this long at most. */
const LEASE_MS = 30_000;
const RENEW_EVERY_MS = LEASE_MS / 3;

/**
 * Takes a lease in all three sets (per account and document, per account, per
 * document) if each has room, else says which is full; times are Redis's.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[5])
for i = 1, 3 do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now)
  if redis.call('ZCARD', KEYS[i]) >= tonumber(ARGV[i + 1]) then return i end
end
for i = 1, 3 do
  redis.call('ZADD', KEYS[i], now + lease, ARGV[1])
  redis.call('PEXPIRE', KEYS[i], lease)
end
return 0`;

/** Extends a held lease in all three sets. */
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[2])
for i = 1, 3 do
  redis.call('ZADD', KEYS[i], 'XX', now + lease, ARGV[1])
  redis.call('PEXPIRE', KEYS[i], lease)
end
return 0`;

/** The close code for each set the ACQUIRE script reports full (1-based, as Lua counts). */
const REFUSALS = [CloseCode.ACCOUNT_DOCUMENT_CONNECTIONS, CloseCode.ACCOUNT_CONNECTIONS, CloseCode.ROOM_FULL];

/** The shared limits: each account's (`ConnectionQuotaLimits`) and each room's capacity. */
export type SharedQuotaLimits = ConnectionQuotaLimits & { maxConnectionsPerDocument: number };

interface Held {
  keys: [string, string, string];
  member: string;
}

/**
 * Sockets counted across every process: one Redis sorted set per (account,
 * document), per account and per document (the room's capacity, which each
 * room also checks for its own process), each socket a lease this process
 * renews while the socket lives, so a crashed process's sockets stop counting
 * within `LEASE_MS`. The local quota is taken first (cheap, and all that counts
 * while Redis is away, with each room's own capacity check).
 */
export class SharedConnectionQuota implements SocketQuota {
  private readonly held = new Set<Held>();
  private next = 0;
  private readonly renewTimer: NodeJS.Timeout;

  constructor(
    private readonly link: RedisLink,
    private readonly local: ConnectionQuota,
    private readonly limits: SharedQuotaLimits,
    private readonly log: Logger,
  ) {
    this.renewTimer = setInterval(() => this.renew(), RENEW_EVERY_MS);
    this.renewTimer.unref();
  }

  async acquire(userId: string | undefined, documentId: string): Promise<QuotaSlot> {
    const localSlot = this.local.acquire(userId, documentId);
    if (userId === undefined || 'refuse' in localSlot) return localSlot;
    // Redis away: this process's own count holds rather than the socket waiting for Redis.
    if (this.link.command.status !== 'ready') return localSlot;
    this.next += 1;
    const held: Held = {
      keys: [
        this.link.channel(`sockets:${userId}:${documentId}`),
        this.link.channel(`sockets:${userId}`),
        this.link.channel(`sockets-in:${documentId}`),
      ],
      member: `${this.link.processId.toString('hex')}:${this.next}`,
    };
    let verdict: number;
    try {
      verdict = Number(
        await this.link.command.eval(
          ACQUIRE,
          3,
          ...held.keys,
          held.member,
          this.limits.maxConnectionsPerAccountPerDocument,
          this.limits.maxConnectionsPerAccount,
          this.limits.maxConnectionsPerDocument,
          LEASE_MS,
        ),
      );
    } catch (error) {
      // Redis refused (e.g. it went away mid-call): this process's own count still holds.
      this.log.warn({ err: String(error) }, 'shared socket count unavailable; counting this process only');
      return localSlot;
    }
    if (verdict !== 0) {
      localSlot.release();
      return { refuse: REFUSALS[verdict - 1] ?? CloseCode.ROOM_FULL };
    }
    this.held.add(held);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        localSlot.release();
        this.held.delete(held);
        for (const key of held.keys) this.link.command.zrem(key, held.member).catch(() => undefined);
      },
    };
  }

  private renew(): void {
    if (this.held.size === 0 || !this.link.ready) return;
    const pipeline = this.link.command.pipeline();
    for (const held of this.held) pipeline.eval(RENEW, 3, ...held.keys, held.member, LEASE_MS);
    pipeline.exec().catch((error: unknown) => this.log.warn({ err: String(error) }, 'socket lease renewal failed'));
  }
}

import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { ReadinessResponse } from '@samverka/model';
import type { Hono } from 'hono';
import type { Registry as PromRegistry } from 'prom-client';
import type { MetricsRegistry } from '../metrics.ts';
import type { Database } from '../storage/database.ts';
import { clientAddress } from './clientAddress.ts';

/** A dependency /readyz checks; resolves when it answers, rejects (or times out) when it does not. */
export type ReadinessCheck = () => Promise<void>;

const READINESS_TIMEOUT_MS = 2000;

function withTimeout(check: ReadinessCheck): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), READINESS_TIMEOUT_MS);
    check().then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The database answers a trivial query. */
export function databaseReady(database: Database): ReadinessCheck {
  return async () => {
    await database.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
  };
}

/**
 * `GET /readyz`: 200 when every dependency answers (the database; Redis where it
 * is used), 503 naming the one that does not. A load balancer sends traffic
 * only to ready processes; `/healthz` stays plain liveness, so a database
 * outage does not make an orchestrator restart every process.
 */
export function mountReadiness(app: Hono, checks: Record<string, ReadinessCheck>): void {
  app.get('/readyz', async (c) => {
    const results = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await withTimeout(check);
          return [name, 'ok'] as const;
        } catch {
          return [name, 'failing'] as const;
        }
      }),
    );
    const ready = results.every(([, state]) => state === 'ok');
    return c.json<ReadinessResponse>({ ready, checks: Object.fromEntries(results) }, ready ? 200 : 503, {
      'Cache-Control': 'no-store',
    });
  });
}

function isLoopback(address: string): boolean {
  return (isIP(address) === 4 && address.startsWith('127.')) || address === '::1';
}

/**
 * A proxy on the same host makes every visitor's request come from loopback;
 * the header it adds tells them apart from a local scraper.
 */
function cameThroughProxy(headers: Headers): boolean {
  return headers.has('x-forwarded-for') || headers.has('forwarded') || headers.has('x-real-ip');
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /i, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * `GET /metrics` in Prometheus text: ours, then prom-client's process metrics.
 * With METRICS_TOKEN it needs `Authorization: Bearer <token>`; without one it
 * answers only to loopback peers (a scraper on the same host), never to a request
 * a proxy forwarded. Others get 404,
 * as if it were not there: room and connection counts are nobody else's business.
 */
export function mountMetrics(
  app: Hono,
  options: { ours: MetricsRegistry; process: PromRegistry; token: string | undefined },
): void {
  app.get('/metrics', async (c) => {
    const allowed = options.token
      ? tokenMatches(c.req.header('authorization'), options.token)
      : isLoopback(clientAddress(c)) && !cameThroughProxy(c.req.raw.headers);
    if (!allowed) return c.notFound();
    const text = options.ours.render() + (await options.process.metrics());
    return c.text(text, 200, { 'Content-Type': options.process.contentType, 'Cache-Control': 'no-store' });
  });
}

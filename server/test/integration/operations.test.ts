import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseReady } from '../../src/http/observability.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { ApiClient } from '../support/apiClient.ts';
import { type PolicyServer, startPolicyServer } from '../support/policyServer.ts';

/** What a deployment behind a proxy needs: readiness, metrics, HSTS and the real client address. */
let running: PolicyServer | undefined;
afterEach(async () => {
  await running?.dispose();
  running = undefined;
});

async function start(env: Record<string, string> = {}): Promise<string> {
  running = await startPolicyServer(env);
  return running.server.url;
}

const METRICS_TOKEN = 'a-long-enough-metrics-token';

describe('GET /readyz', () => {
  it('answers 200 with the database checked, and never from a cache', async () => {
    const url = await start();
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ ready: true, checks: { database: 'ok' } });
  });

  it('the database check fails on a database that no longer answers', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-ready-'));
    const database = openDatabase({ dataDir });
    try {
      await expect(databaseReady(database)()).resolves.toBeUndefined();
      await database.close();
      await expect(databaseReady(database)()).rejects.toThrow();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('GET /metrics', () => {
  it('serves ours and the process metrics (event-loop lag, GC, heap) to a scraper on the same host', async () => {
    const url = await start();
    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('# TYPE samverka_rooms gauge');
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toContain('nodejs_gc_duration_seconds');
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('is hidden from a request a proxy forwarded, unless it brings the token', async () => {
    const url = await start();
    const proxied = await fetch(`${url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(proxied.status).toBe(404);
  });

  it('with METRICS_TOKEN needs exactly that bearer token', async () => {
    const url = await start({ METRICS_TOKEN });
    expect((await fetch(`${url}/metrics`)).status).toBe(404);
    const wrong = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}x` } });
    expect(wrong.status).toBe(404);
    const right = await fetch(`${url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}`, 'x-forwarded-for': '203.0.113.7' },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('samverka_connections');
  });
});

describe('Strict-Transport-Security', () => {
  it('is sent when the public URL is https', async () => {
    const url = await start({ PUBLIC_URL: 'https://samverka.example.org' });
    expect((await fetch(`${url}/healthz`)).headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('is not sent over plain http', async () => {
    const url = await start();
    expect((await fetch(`${url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
  });
});

describe('TRUSTED_PROXIES', () => {
  let signUps = 0;
  /** Sign-ups (counted per client address) with a forwarded address; returns the statuses. */
  async function signUpsFrom(url: string, forwardedFor: string, times: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < times; i++) {
      signUps += 1;
      const res = await new ApiClient(url).request(
        'POST',
        '/api/auth/signup',
        { email: `proxied-${signUps}@example.org`, password: 'correct horse battery staple', name: 'Proxied' },
        { 'x-forwarded-for': forwardedFor },
      );
      statuses.push(res.status);
    }
    return statuses;
  }

  it('counts attempts per client address the trusted proxy reports', async () => {
    const url = await start({ TRUSTED_PROXIES: '127.0.0.1, ::1', RATE_LIMIT_PER_IP: '3' });
    expect(await signUpsFrom(url, '198.51.100.1', 4)).toEqual([201, 201, 201, 429]);
    // Another visitor behind the same proxy has a bucket of their own.
    expect(await signUpsFrom(url, '198.51.100.2', 1)).toEqual([201]);
    // The chain is read from the nearest hop: the first visitor, whose proxy appended .1, cannot
    // move to a fresh bucket by sending an X-Forwarded-For of their own (.2) in front of it.
    expect(await signUpsFrom(url, '198.51.100.2, 198.51.100.1', 1)).toEqual([429]);
  });

  it('ignores the header from a peer that is not a trusted proxy', async () => {
    const url = await start({ TRUSTED_PROXIES: '10.0.0.0/8', RATE_LIMIT_PER_IP: '3' });
    await signUpsFrom(url, '198.51.100.1', 3);
    expect(await signUpsFrom(url, '198.51.100.2', 1)).toEqual([429]);
  });

  it('refuses a setting that is not an address or range', async () => {
    await expect(start({ TRUSTED_PROXIES: '10.0.0.0/33' })).rejects.toThrow(/TRUSTED_PROXIES/);
    await expect(start({ TRUSTED_PROXIES: 'proxy.example.org' })).rejects.toThrow(/TRUSTED_PROXIES/);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, eventually, synced, type TestClient } from '../support/syncClient.ts';
import { closeCodeOf, openRaw, startTestServer, type TestServer } from '../support/testServer.ts';

let t: TestServer | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await t?.dispose();
  t = undefined;
});

/** Reads one sample (no labels) from Prometheus text. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe('GET /metrics', () => {
  it('exposes rooms, connections, traffic, append latency, compactions and resident memory', async () => {
    t = await startTestServer({ env: { SYNC_COMPACTION_THRESHOLD: '2' } });
    const a = connectClient(t.server.url, 'metrics-doc');
    const b = connectClient(t.server.url, 'metrics-doc');
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    for (let i = 0; i < 10; i++) a.doc.getText('t').insert(0, 'x');
    await eventually(() => b.doc.getText('t').length === 10, 'the edits to be relayed');

    const read = async () => {
      const res = await fetch(`${t?.server.url}/metrics`);
      expect(res.headers.get('content-type')).toContain('text/plain');
      return res.text();
    };
    // Compaction runs after the commit that crossed the threshold; poll until it is counted.
    const deadline = Date.now() + 20_000;
    let text = await read();
    while ((sample(text, 'samverka_compactions_total') ?? 0) < 1 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      text = await read();
    }
    expect(sample(text, 'samverka_rooms')).toBe(1);
    expect(sample(text, 'samverka_connections')).toBe(2);
    expect(sample(text, 'samverka_sync_messages_in_total')).toBeGreaterThanOrEqual(10);
    expect(sample(text, 'samverka_sync_messages_out_total')).toBeGreaterThanOrEqual(10);
    expect(sample(text, 'samverka_sync_bytes_in_total')).toBeGreaterThan(0);
    expect(sample(text, 'samverka_sync_bytes_out_total')).toBeGreaterThan(0);
    expect(sample(text, 'samverka_update_log_append_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('# TYPE samverka_update_log_append_seconds histogram');
    expect(text).toMatch(/samverka_update_log_append_seconds_bucket\{le="0\.01"\} \d+/);
    expect(sample(text, 'samverka_compactions_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(10 * 1024 * 1024);
  });
});

describe('logs', () => {
  it('are JSON lines with a request id per request, never document text, cookies or tokens', async () => {
    t = await startTestServer({ captureLogs: 'debug' });
    const secrets = {
      text: 'TOP-SECRET-DOCUMENT-TEXT',
      cookie: 'cookie-value-s3cr3t',
      token: 'query-token-s3cr3t',
      pathToken: 'PathToken0123456789abcdefXYZ',
    };
    const headers = { cookie: `samverka_session=${secrets.cookie}`, authorization: `Bearer ${secrets.cookie}` };

    const health = await fetch(`${t.server.url}/healthz?token=${secrets.token}`, { headers });
    const requestId = health.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    await fetch(`${t.server.url}/api/no-such-route?token=${secrets.token}`, { headers });
    // Invitation and share-link tokens travel in paths, of the API and of the client's routes.
    await fetch(`${t.server.url}/api/invitations/${secrets.pathToken}`, { headers });
    await fetch(`${t.server.url}/invite/${secrets.pathToken}`, { headers });

    const a = connectClient(t.server.url, 'logged-doc', undefined, { headers, params: { token: secrets.token } });
    const b = connectClient(t.server.url, 'logged-doc');
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getText('t').insert(0, secrets.text);
    await eventually(() => b.doc.getText('t').toString() === secrets.text, 'the text to be relayed');
    // A malformed frame carrying the text, so the error path is logged too.
    const raw = await openRaw(t.server.url, 'logged-doc');
    const closed = closeCodeOf(raw);
    raw.send(new Uint8Array([0, 2, 200, ...Buffer.from(secrets.text)]));
    await closed;
    a.destroy();
    await eventually(() => t?.logs.some((l) => l.includes('"code":')) ?? false, 'a connection close to be logged');

    const lines = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    const healthLine = lines.find((l) => l.msg === 'request' && l.path === '/healthz');
    expect(healthLine).toMatchObject({ reqId: requestId, method: 'GET', status: 200 });
    expect(typeof healthLine?.ms).toBe('number');
    expect(lines.find((l) => l.msg === 'request' && l.path === '/api/no-such-route')).toMatchObject({ status: 404 });
    expect(lines.find((l) => l.msg === 'sync connection opened')).toMatchObject({ documentId: 'logged-doc' });
    expect(lines.some((l) => l.msg === 'sync connection closed' && typeof l.code === 'number')).toBe(true);
    expect(lines.some((l) => l.msg === 'malformed sync frame')).toBe(true);

    const all = t.logs.join('\n');
    for (const secret of Object.values(secrets)) expect(all).not.toContain(secret);
  });
});

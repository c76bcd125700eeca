import { describe, expect, it } from 'vitest';
import { createTestSchema, howToStartPostgres, postgresReachable } from '../support/postgres.ts';
import { connectClient, eventually, synced } from '../support/syncClient.ts';
import { startTestServer } from '../support/testServer.ts';

const reachable = await postgresReachable();
if (!reachable && !process.env.CI) console.warn(`Skipping the PostgreSQL server test: ${howToStartPostgres}`);

describe.skipIf(!reachable && !process.env.CI)('the server on PostgreSQL (DATABASE_URL)', () => {
  it('migrates an empty database, persists edits and serves them after a restart', async () => {
    if (!reachable) throw new Error(howToStartPostgres);
    const schema = await createTestSchema('server');
    const t = await startTestServer({ env: { DATABASE_URL: schema.url, SYNC_COMPACTION_THRESHOLD: '5' } });
    try {
      const a = connectClient(t.server.url, 'pg-doc');
      const b = connectClient(t.server.url, 'pg-doc');
      await Promise.all([synced(a), synced(b)]);
      for (let i = 0; i < 20; i++) a.doc.getText('t').insert(a.doc.getText('t').length, `${i % 10}`);
      await eventually(() => b.doc.getText('t').length === 20, 'the edits to be relayed');
      const expected = a.doc.getText('t').toString();
      a.destroy();
      b.destroy();
      await t.stop();
      // Restarting runs the migrations again over the existing schema: they must be a no-op.
      await t.restart();
      const fresh = connectClient(t.server.url, 'pg-doc');
      await synced(fresh);
      expect(fresh.doc.getText('t').toString()).toBe(expected);
      fresh.destroy();
    } finally {
      await t.dispose();
      await schema.drop();
    }
  });
});

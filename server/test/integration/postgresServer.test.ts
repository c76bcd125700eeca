import { describe, expect, it } from 'vitest';
import { createTestSchema, howToStartPostgres, postgresAdmin, postgresReachable } from '../support/postgres.ts';
import { openAccessEntry, ServerProcess } from '../support/serverProcess.ts';
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

  it('survives PostgreSQL dropping its connections and keeps serving and persisting', async () => {
    if (!reachable) throw new Error(howToStartPostgres);
    const schema = await createTestSchema('server');
    // A name to find exactly this server's connections by.
    const appName = `samverka_drop_${Date.now()}`;
    const url = new URL(schema.url);
    url.searchParams.set('application_name', appName);
    // A real process: an unhandled pool error would kill it, as it would in production.
    const server = await ServerProcess.start({ DATABASE_URL: url.toString() }, { entry: openAccessEntry });
    try {
      const a = connectClient(server.origin, 'pg-drop');
      const b = connectClient(server.origin, 'pg-drop');
      await Promise.all([synced(a), synced(b)]);
      a.doc.getText('t').insert(0, 'before ');
      await eventually(() => b.doc.getText('t').toString() === 'before ', 'the first edit to be relayed');

      // What a PostgreSQL restart or failover does to every pooled connection.
      await postgresAdmin(
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = '${appName}'`,
      );
      await new Promise((r) => setTimeout(r, 300));
      expect((await fetch(`${server.origin}/healthz`)).ok).toBe(true);

      a.doc.getText('t').insert(7, 'after');
      await eventually(() => b.doc.getText('t').toString() === 'before after', 'an edit after the drop to be relayed');
      a.destroy();
      b.destroy();
      expect(await server.terminate()).toBe(0);
      await server.launch();
      const fresh = connectClient(server.origin, 'pg-drop');
      await synced(fresh);
      expect(fresh.doc.getText('t').toString()).toBe('before after');
      fresh.destroy();
    } finally {
      await server.stop();
      await schema.drop();
    }
  }, 120_000);
});

// biome-ignore-all lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them
import { addGoal, registerEntries } from '@samverka/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ApiClient, addMember, createTestPartnership, TEST_ORIGIN } from '../support/apiClient.ts';
import { startPolicyServer } from '../support/policyServer.ts';
import { createTestSchema, howToStartPostgres, postgresReachable } from '../support/postgres.ts';
import { connectClient, eventually, synced } from '../support/syncClient.ts';

const reachable = await postgresReachable();
if (!reachable && !process.env.CI) console.warn(`Skipping the PostgreSQL snapshots test: ${howToStartPostgres}`);

describe.skipIf(!reachable && !process.env.CI)('snapshots on PostgreSQL', () => {
  it('stores states as bytea, serves them byte for byte, compares, shares, revokes and acknowledges', async () => {
    if (!reachable) throw new Error(howToStartPostgres);
    const schema = await createTestSchema('snapshots');
    const t = await startPolicyServer({ DATABASE_URL: schema.url, ALLOWED_ORIGINS: TEST_ORIGIN });
    const clients: ReturnType<typeof connectClient>[] = [];
    try {
      const base = t.server.url;
      const p = await createTestPartnership(base, 'Owner');
      const viewer = await addMember(p, base, 'viewer', 'partner', 'Vera');
      const connect = () => {
        const client = connectClient(base, p.registerId, new Y.Doc(), {
          headers: { cookie: p.owner.client.cookie ?? '' },
        });
        clients.push(client);
        return client;
      };
      const editor = connect();
      await synced(editor);
      addGoal(editor.doc, 'g1', 'Joint PhD programme');
      const reader = connect();
      await eventually(() => reader.provider.synced && registerEntries(reader.doc, 'goals').has('g1'), 'g1 stored');

      const s1 = (await p.owner.client.post(`/api/partnerships/${p.id}/snapshots`, { name: 'S1' })).body.snapshot;
      const path = `/api/snapshots/${s1.id}/documents/${p.registerId}`;
      const read = async () =>
        Buffer.from(
          await (await fetch(base + path, { headers: { cookie: p.owner.client.cookie ?? '' } })).arrayBuffer(),
        );
      const before = await read();
      const stored = new Y.Doc();
      Y.applyUpdate(stored, new Uint8Array(before));
      expect([...registerEntries(stored, 'goals').keys()]).toEqual(['g1']);

      addGoal(editor.doc, 'g2', 'Staff exchange');
      await eventually(() => registerEntries(reader.doc, 'goals').has('g2'), 'g2 stored');
      expect((await read()).equals(before)).toBe(true);
      const comparison = (await p.owner.client.get(`/api/snapshots/${s1.id}/compare?with=now`)).body;
      expect(comparison.goals.added).toEqual([{ id: 'g2', title: 'Staff exchange', status: 'on-track' }]);

      const link = (await p.owner.client.post(`/api/snapshots/${s1.id}/links`, {})).body;
      const token = link.url.split('/').pop();
      const stranger = new ApiClient(base);
      const shared = (await stranger.get(`/api/shared/${token}`)).body;
      // The link holder reads S1 by its name and date; no internal id travels to them.
      expect(shared.snapshot).toEqual({ name: s1.name, createdAt: s1.createdAt, threads: expect.any(Object) });
      expect(JSON.stringify(shared)).not.toContain(s1.id);
      expect((await p.owner.client.delete(`/api/snapshots/${s1.id}/links/${link.link.id}`)).status).toBe(204);
      expect((await stranger.get(`/api/shared/${token}`)).status).toBe(404);

      const acknowledged = (await viewer.client.post(`/api/snapshots/${s1.id}/acknowledgements`)).body;
      expect(acknowledged.acknowledgement).toMatchObject({ name: 'Vera', side: 'partner' });
      const list = (await viewer.client.get(`/api/partnerships/${p.id}/snapshots`)).body.snapshots;
      expect(list.map((s: any) => [s.id, s.documentCount, s.acknowledgements.length])).toEqual([[s1.id, 2, 1]]);
    } finally {
      for (const client of clients) client.destroy();
      await t.dispose();
      await schema.drop();
    }
  }, 60_000);
});

// biome-ignore-all lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them
import { describe, expect, it } from 'vitest';
import { addMember, createTestPartnership, TEST_ORIGIN } from '../support/apiClient.ts';
import { EventStreamClient } from '../support/eventStreamClient.ts';
import { startPolicyServer } from '../support/policyServer.ts';
import { createTestSchema, howToStartPostgres, postgresReachable } from '../support/postgres.ts';

const reachable = await postgresReachable();
if (!reachable && !process.env.CI) console.warn(`Skipping the PostgreSQL comments test: ${howToStartPostgres}`);

describe.skipIf(!reachable && !process.env.CI)('comments on PostgreSQL', () => {
  it('stores threads, read state and the event log, and resumes a stream after Last-Event-ID', async () => {
    if (!reachable) throw new Error(howToStartPostgres);
    const schema = await createTestSchema('comments');
    const t = await startPolicyServer({ DATABASE_URL: schema.url, ALLOWED_ORIGINS: TEST_ORIGIN });
    try {
      const base = t.server.url;
      const p = await createTestPartnership(base, 'Owner');
      const commenter = await addMember(p, base, 'commenter');
      const url = `${base}/api/partnerships/${p.id}/events`;
      const first = new EventStreamClient(url, p.owner.client.cookie);
      await first.opened;
      const thread = (
        await commenter.client.post(`/api/partnerships/${p.id}/threads`, {
          anchor: { type: 'partnership' },
          body: `Hello @[${p.owner.userId}]`,
        })
      ).body.thread;
      await first.waitFor((e) => e.length === 1, 'the thread');
      expect((first.events[0]?.event as any)?.thread.unread).toBe(true);
      first.close();
      const reply = (await commenter.client.post(`/api/threads/${thread.id}/messages`, { body: 'More' })).body.message;
      const resumed = new EventStreamClient(url, p.owner.client.cookie, first.lastEventId);
      await resumed.waitFor((e) => e.length === 1, 'the missed reply');
      expect((resumed.events[0]?.event as any)?.message.id).toBe(reply.id);
      resumed.close();
      const inbox = await p.owner.client.get('/api/inbox');
      expect([inbox.body.items[0].kind, inbox.body.unreadCount]).toEqual(['mention', 1]);
      expect((await p.owner.client.post('/api/inbox/read')).body.threadIds).toEqual([thread.id]);
      expect((await p.owner.client.post(`/api/threads/${thread.id}/resolve`)).body.thread.status).toBe('resolved');
    } finally {
      await t.dispose();
      await schema.drop();
    }
  }, 60_000);
});

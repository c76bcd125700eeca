// biome-ignore-all lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestPartnership, TEST_ORIGIN } from '../support/apiClient.ts';
import { EventStreamClient } from '../support/eventStreamClient.ts';
import { ServerProcess } from '../support/serverProcess.ts';

describe('comments across a server restart', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await ServerProcess.start({ ALLOWED_ORIGINS: TEST_ORIGIN });
  }, 60_000);
  afterAll(() => server.stop());

  it('keeps threads, and a client resuming with Last-Event-ID gets exactly the events it missed', async () => {
    const p = await createTestPartnership(server.origin, 'Owner');
    const reader = await addMember(p, server.origin, 'editor');
    const writer = await addMember(p, server.origin, 'commenter');
    const eventsUrl = `${server.origin}/api/partnerships/${p.id}/events`;

    const before = new EventStreamClient(eventsUrl, reader.client.cookie);
    await before.opened;
    const thread = (
      await writer.client.post(`/api/partnerships/${p.id}/threads`, { anchor: { type: 'partnership' }, body: 'Start' })
    ).body.thread;
    await before.waitFor((e) => e.length === 1, 'the thread');
    const lastSeen = before.lastEventId;

    // Missed while the reader's stream is down: one message before the restart, one after.
    const missed = [
      (await writer.client.post(`/api/threads/${thread.id}/messages`, { body: 'Before' })).body.message.id,
    ];
    await server.terminate();
    await before.ended;
    await server.launch();
    missed.push((await writer.client.post(`/api/threads/${thread.id}/messages`, { body: 'After' })).body.message.id);

    const resumed = new EventStreamClient(eventsUrl, reader.client.cookie, lastSeen);
    await resumed.waitFor((e) => e.length >= 2, 'the missed messages', 20_000);
    // Anything more would arrive with the next write: post one and see it follow directly.
    const live = (await writer.client.post(`/api/threads/${thread.id}/messages`, { body: 'Live' })).body.message.id;
    await resumed.waitFor((e) => e.length >= 3, 'the live message', 20_000);
    expect(resumed.events.map((e) => [e.event.type, (e.event as any).message?.id])).toEqual([
      ['message', missed[0]],
      ['message', missed[1]],
      ['message', live],
    ]);
    const threads = await reader.client.get(`/api/partnerships/${p.id}/threads`);
    expect(threads.body.threads[0].messages.map((m: any) => m.body)).toEqual(['Start', 'Before', 'After', 'Live']);
    const inbox = await writer.client.get('/api/inbox');
    expect(inbox.body.items).toEqual([]);
    resumed.close();
  }, 90_000);
});

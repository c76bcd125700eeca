// biome-ignore-all lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, addMember, createTestPartnership, type TestPartnership } from '../support/apiClient.ts';
import { EventStreamClient } from '../support/eventStreamClient.ts';
import { policyServerSuite } from '../support/policyServer.ts';

type Person = { client: ApiClient; userId: string; email: string };

describe('the partnership event stream', () => {
  const t = policyServerSuite();
  let p: TestPartnership;
  let editor: Person;
  let commenter: Person;
  const streams: EventStreamClient[] = [];

  beforeAll(async () => {
    p = await createTestPartnership(t.base, 'Owner');
    editor = await addMember(p, t.base, 'editor');
    commenter = await addMember(p, t.base, 'commenter');
  }, 30_000);

  async function subscribe(who: Person, lastEventId?: string): Promise<EventStreamClient> {
    const stream = new EventStreamClient(`${t.base}/api/partnerships/${p.id}/events`, who.client.cookie, lastEventId);
    streams.push(stream);
    await stream.opened;
    expect(stream.status).toBe(200);
    return stream;
  }

  const types = (stream: EventStreamClient) => stream.events.map((e) => e.event.type);

  it('delivers threads (with each recipient’s unread), messages, and read state only to the reader', async () => {
    const editorStream = await subscribe(editor);
    const commenterStream = await subscribe(commenter);
    const thread = (
      await commenter.client.post(`/api/partnerships/${p.id}/threads`, { anchor: { type: 'partnership' }, body: 'Hi' })
    ).body.thread;
    await editorStream.waitFor((e) => e.length >= 1, 'the thread');
    await commenterStream.waitFor((e) => e.length >= 1, 'the thread');
    const seenByEditor = editorStream.events[0]?.event as any;
    const seenByCommenter = commenterStream.events[0]?.event as any;
    expect([seenByEditor.type, seenByEditor.thread.id, seenByEditor.thread.unread]).toEqual([
      'thread',
      thread.id,
      true,
    ]);
    expect(seenByCommenter.thread.unread).toBe(false);

    const reply = (await editor.client.post(`/api/threads/${thread.id}/messages`, { body: 'Hello' })).body.message;
    await commenterStream.waitFor((e) => e.some((x) => x.event.type === 'message'), 'the reply');
    await editorStream.waitFor((e) => e.some((x) => x.event.type === 'read'), "the poster's own read event");
    expect((commenterStream.events.at(-1)?.event as any)?.message).toEqual(reply);
    expect(types(commenterStream)).toEqual(['thread', 'message']);

    await commenter.client.post(`/api/threads/${thread.id}/read`);
    await commenterStream.waitFor((e) => e.at(-1)?.event.type === 'read', 'the read event');
    expect((commenterStream.events.at(-1)?.event as any)?.threadIds).toEqual([thread.id]);

    await commenter.client.post(`/api/threads/${thread.id}/resolve`);
    await editor.client.delete(`/api/threads/${thread.id}`);
    await editorStream.waitFor((e) => e.at(-1)?.event.type === 'threadDeleted', 'the deletion');
    expect(types(editorStream)).toEqual(['thread', 'message', 'read', 'thread', 'threadDeleted']);
    const ids = editorStream.events.map((e) => Number(e.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    for (const stream of [editorStream, commenterStream]) stream.close();
  });

  it('resumes after Last-Event-ID with exactly what was missed, and asks an unknown id to resync', async () => {
    const first = await subscribe(editor);
    const thread = (
      await commenter.client.post(`/api/partnerships/${p.id}/threads`, { anchor: { type: 'partnership' }, body: 'One' })
    ).body.thread;
    await first.waitFor((e) => e.length === 1, 'the thread');
    first.close();
    const missed: string[] = [];
    for (const body of ['Two', 'Three']) {
      missed.push((await commenter.client.post(`/api/threads/${thread.id}/messages`, { body })).body.message.id);
    }
    const resumed = await subscribe(editor, first.lastEventId);
    await resumed.waitFor((e) => e.length >= 2, 'the missed messages');
    expect(resumed.events.map((e) => (e.event as any).message?.id)).toEqual(missed);

    const bogus = await subscribe(editor, '999999999');
    await bogus.waitFor((e) => e.length >= 1, 'a resync');
    expect(bogus.events[0]?.event).toEqual({ type: 'resync' });
    expect(Number(bogus.events[0]?.id)).toBeGreaterThan(0);
    resumed.close();
    bogus.close();
  });

  it('closes a removed member’s stream within a second, and a role change’s too', async () => {
    const leaving = await addMember(p, t.base, 'viewer');
    const changing = await addMember(p, t.base, 'viewer');
    const removedStream = await subscribe(leaving);
    const changedStream = await subscribe(changing);
    const before = performance.now();
    const removed = await p.owner.client.delete(`/api/partnerships/${p.id}/members/${leaving.userId}`);
    expect(removed.status).toBe(204);
    await Promise.race([
      removedStream.ended,
      new Promise((_, reject) => setTimeout(() => reject(new Error('still open after 1 s')), 1000)),
    ]);
    expect(performance.now() - before).toBeLessThan(1000);
    await commenter.client.post(`/api/partnerships/${p.id}/threads`, {
      anchor: { type: 'partnership' },
      body: 'Secret',
    });
    expect(removedStream.events).toEqual([]);
    const again = new EventStreamClient(`${t.base}/api/partnerships/${p.id}/events`, leaving.client.cookie);
    await again.ended;
    expect(again.status).toBe(404);

    await changedStream.waitFor((e) => e.length === 1, 'the thread before the change');
    await p.owner.client.patch(`/api/partnerships/${p.id}/members/${changing.userId}`, { role: 'commenter' });
    await changedStream.ended;
  });

  it('refuses a member of another partnership (404) and anonymous callers (401)', async () => {
    const other = await createTestPartnership(t.base, 'Other');
    const outsider = new EventStreamClient(`${t.base}/api/partnerships/${p.id}/events`, other.owner.client.cookie);
    const anonymous = new EventStreamClient(`${t.base}/api/partnerships/${p.id}/events`, undefined);
    await Promise.all([outsider.ended, anonymous.ended]);
    expect([outsider.status, anonymous.status]).toEqual([404, 401]);
  });
});

import { ErrorId } from '@samverka/model';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestPartnership, type TestPartnership } from '../support/apiClient.ts';
import { EventStreamClient } from '../support/eventStreamClient.ts';
import { policyServerSuite } from '../support/policyServer.ts';

const LIMIT = 3;

/** One account cannot hold event streams without end: each costs the server memory for as long as it is open. */
describe('event streams per account', () => {
  const t = policyServerSuite({ EVENT_STREAMS_PER_ACCOUNT: String(LIMIT) });
  let p: TestPartnership;
  const streams: EventStreamClient[] = [];

  beforeAll(async () => {
    p = await createTestPartnership(t.base, 'Owner');
  }, 30_000);

  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
  });

  async function open(cookie: string | undefined): Promise<EventStreamClient> {
    const stream = new EventStreamClient(`${t.base}/api/partnerships/${p.id}/events`, cookie);
    streams.push(stream);
    await stream.opened;
    return stream;
  }

  it('refuses an account’s streams past the limit with 429, never another member’s, and frees a place on close', async () => {
    const owner = p.owner.client.cookie;
    const held = [];
    for (let i = 0; i < LIMIT; i++) held.push(await open(owner));
    expect(held.map((s) => s.status)).toEqual(Array(LIMIT).fill(200));

    const refused = new EventStreamClient(`${t.base}/api/partnerships/${p.id}/events`, owner);
    streams.push(refused);
    await refused.ended;
    expect(refused.status).toBe(429);
    const body = await fetch(`${t.base}/api/partnerships/${p.id}/events`, { headers: { cookie: owner ?? '' } });
    expect(await body.json()).toMatchObject({ error: { id: ErrorId.RATE_LIMITED } });

    const editor = await addMember(p, t.base, 'editor');
    expect((await open(editor.client.cookie)).status).toBe(200);

    (held[0] as EventStreamClient).close();
    const deadline = Date.now() + 5000;
    let again = await open(owner);
    while (again.status !== 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await open(owner);
    }
    expect(again.status).toBe(200);
  });
});

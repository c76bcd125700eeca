import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestPartnership, type TestPartnership } from '../support/apiClient.ts';
import { type PolicyServer, startPolicyServer } from '../support/policyServer.ts';
import { upgradeAnswer } from '../support/upgradeAnswer.ts';

const IDS_PER_KIND = 20;
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

/** An id shaped like the server's own (15 random bytes, base64url), that names nothing. */
const unknownId = () => randomBytes(15).toString('base64url');

/** Ids of each kind that exist, but in partnerships the caller is no member of. */
interface ForeignIds {
  partnership: string[];
  document: string[];
  asset: string[];
  invitation: string[];
}

describe('"not there" and "not yours" answer alike, over HTTP and at the sync upgrade', () => {
  let t: PolicyServer;
  let mine: TestPartnership;
  let caller: ApiClient;
  const foreign: ForeignIds = { partnership: [], document: [], asset: [], invitation: [] };

  beforeAll(async () => {
    t = await startPolicyServer({ RATE_LIMIT_PER_IP: '1000' });
    const base = t.server.url;
    mine = await createTestPartnership(base, 'Caller');
    caller = mine.owner.client;
    const stranger = await createTestPartnership(base, 'Stranger');
    const strangerClient = stranger.owner.client;
    for (let i = 0; i < IDS_PER_KIND; i++) {
      const created = await strangerClient.post('/api/partnerships', {
        name: `Foreign ${i}`,
        universityName: 'U',
        partnerName: 'P',
        side: 'university',
      });
      const partnershipId = created.body.partnership.id as string;
      foreign.partnership.push(partnershipId);
      const docs = await strangerClient.get(`/api/partnerships/${partnershipId}/documents`);
      const canvasId = docs.body.documents.find((d: { kind: string }) => d.kind === 'canvas').id as string;
      foreign.document.push(canvasId);
      const asset = await strangerClient.request('POST', `/api/documents/${canvasId}/assets`, PNG_BYTES, {
        'content-type': 'image/png',
      });
      foreign.asset.push(asset.body.asset.id);
      const invited = await strangerClient.post(`/api/partnerships/${partnershipId}/invitations`, {
        email: `foreign-${i}-${Date.now()}@example.org`,
        role: 'viewer',
        side: 'partner',
      });
      foreign.invitation.push(invited.body.invitation.id);
    }
  }, 120_000);
  afterAll(() => t.dispose());

  /** Each kind's probe: the request a member of `mine` makes with an id of that kind. */
  const probes: Record<keyof ForeignIds, (id: string) => Promise<{ status: number; body: string }>> = {
    partnership: (id) => raw(caller, 'GET', `/api/partnerships/${id}`),
    document: (id) => raw(caller, 'POST', `/api/documents/${id}/assets`, PNG_BYTES, { 'content-type': 'image/png' }),
    asset: (id) => raw(caller, 'GET', `/api/assets/${id}`),
    invitation: (id) => raw(caller, 'DELETE', `/api/partnerships/${mine.id}/invitations/${id}`),
  };

  for (const kind of Object.keys(probes) as (keyof ForeignIds)[]) {
    it(`${kind}: ${IDS_PER_KIND} unknown ids and ${IDS_PER_KIND} ids of other partnerships get byte-identical answers`, async () => {
      const answers = new Set<string>();
      for (let i = 0; i < IDS_PER_KIND; i++) {
        for (const id of [unknownId(), foreign[kind][i] as string]) {
          const answer = await probes[kind](id);
          answers.add(JSON.stringify(answer));
        }
      }
      expect([...answers]).toEqual([
        JSON.stringify({ status: 404, body: '{"error":{"id":"not_found","message":"Not found"}}' }),
      ]);
    });
  }

  it('an invitation of another partnership, asked for through that partnership, answers the same', async () => {
    const answers = new Set<string>();
    for (let i = 0; i < IDS_PER_KIND; i++) {
      const path = `/api/partnerships/${foreign.partnership[i]}/invitations/${foreign.invitation[i]}`;
      answers.add(JSON.stringify(await raw(caller, 'DELETE', path)));
      answers.add(
        JSON.stringify(await raw(caller, 'DELETE', `/api/partnerships/${unknownId()}/invitations/${unknownId()}`)),
      );
    }
    expect(answers.size).toBe(1);
  });

  it(`the sync upgrade refuses ${IDS_PER_KIND} unknown and ${IDS_PER_KIND} foreign documents identically`, async () => {
    const answers = new Set<string>();
    for (let i = 0; i < IDS_PER_KIND; i++) {
      for (const id of [unknownId(), foreign.document[i] as string]) {
        answers.add(JSON.stringify(await upgradeAnswer(t.server.url, id, caller.cookie)));
      }
    }
    expect([...answers]).toEqual([JSON.stringify({ status: 404, body: '' })]);
    // The caller's own document still opens: the refusals above are about the ids, not the caller.
    expect((await upgradeAnswer(t.server.url, mine.canvasId, caller.cookie)).status).toBe(101);
  });
});

/** A request whose answer body is kept as the exact text the server sent. */
async function raw(
  client: ApiClient,
  method: string,
  path: string,
  body?: Uint8Array,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const response = await fetch(client.baseUrl + path, {
    method,
    body,
    headers: { ...headers, cookie: client.cookie ?? '', ...(method === 'GET' ? {} : { origin: client.origin ?? '' }) },
  });
  return { status: response.status, body: await response.text() };
}

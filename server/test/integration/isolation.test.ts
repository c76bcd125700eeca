// biome-ignore-all lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addMember, createTestPartnership, type TestPartnership } from '../support/apiClient.ts';
import { type PolicyServer, startPolicyServer } from '../support/policyServer.ts';

describe('isolation between partnerships', () => {
  let t: PolicyServer;
  let a: TestPartnership;
  let b: TestPartnership;
  let bIds: { documentId: string; textId: string; memberId: string; invitationId: string };

  beforeAll(async () => {
    t = await startPolicyServer();
    a = await createTestPartnership(t.server.url, 'OwnerA');
    b = await createTestPartnership(t.server.url, 'OwnerB');
    const bMember = await addMember(b, t.server.url, 'editor');
    const text = await b.owner.client.post(`/api/partnerships/${b.id}/documents`, { kind: 'text', title: 'Secret' });
    const invitation = await b.owner.client.post(`/api/partnerships/${b.id}/invitations`, {
      email: 'pending@example.org',
      role: 'viewer',
      side: 'partner',
    });
    bIds = {
      documentId: b.canvasId,
      textId: text.body.document.id,
      memberId: bMember.userId,
      invitationId: invitation.body.invitation.id,
    };
  }, 30_000);
  afterAll(() => t.dispose());

  it("answers 404 not_found to A's owner for every id of B, reading or writing", async () => {
    const client = a.owner.client;
    const probes: [string, string, unknown?][] = [
      ['GET', `/api/partnerships/${b.id}`],
      ['PATCH', `/api/partnerships/${b.id}`, { name: 'Hijacked' }],
      ['POST', `/api/partnerships/${b.id}/archive`],
      ['GET', `/api/partnerships/${b.id}/documents`],
      ['POST', `/api/partnerships/${b.id}/documents`, { kind: 'canvas', title: 'Planted' }],
      ['GET', `/api/partnerships/${b.id}/members`],
      ['PATCH', `/api/partnerships/${b.id}/members/${bIds.memberId}`, { role: 'viewer' }],
      ['DELETE', `/api/partnerships/${b.id}/members/${bIds.memberId}`],
      ['POST', `/api/partnerships/${b.id}/invitations`, { email: 'me@example.org', role: 'owner', side: 'partner' }],
      ['GET', `/api/partnerships/${b.id}/invitations`],
      ['DELETE', `/api/partnerships/${b.id}/invitations/${bIds.invitationId}`],
      ['GET', `/api/partnerships/${b.id}/audit`],
      // B's ids under A's partnership must not leak through A's routes either.
      ['PATCH', `/api/partnerships/${a.id}/members/${bIds.memberId}`, { role: 'viewer' }],
      ['DELETE', `/api/partnerships/${a.id}/members/${bIds.memberId}`],
      ['DELETE', `/api/partnerships/${a.id}/invitations/${bIds.invitationId}`],
    ];
    const answers = [];
    for (const [method, path, body] of probes) {
      const answer = await client.request<any>(method, path, body);
      answers.push(`${method} ${path} → ${answer.status} ${answer.body?.error?.id}`);
    }
    expect(answers).toEqual(probes.map(([method, path]) => `${method} ${path} → 404 not_found`));

    // Nothing of B changed.
    const bView = await b.owner.client.get(`/api/partnerships/${b.id}`);
    expect(bView.body.partnership.name).toBe("OwnerB's partnership");
    expect(bView.body.partnership.archivedAt).toBeNull();
    const bMembers = await b.owner.client.get(`/api/partnerships/${b.id}/members`);
    expect(bMembers.body.members.map((m: any) => m.role)).toEqual(['owner', 'editor']);
    expect((await b.owner.client.get(`/api/partnerships/${b.id}/documents`)).body.documents).toHaveLength(3);
    expect((await b.owner.client.get(`/api/partnerships/${b.id}/invitations`)).body.invitations).toHaveLength(1);
    expect((await client.get('/api/partnerships')).body.partnerships.map((p: any) => p.id)).toEqual([a.id]);
  });

  it("refuses A's owner a sync connection to B's documents with 404", async () => {
    for (const documentId of [bIds.documentId, bIds.textId, b.registerId]) {
      const ws = new WebSocket(`${t.server.url.replace(/^http/, 'ws')}/sync/${documentId}`, {
        headers: { cookie: a.owner.client.cookie ?? '' },
      });
      ws.on('error', () => {});
      const status = await new Promise<number | string>((resolve) => {
        ws.once('open', () => resolve('open'));
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      });
      ws.terminate();
      expect(status).toBe(404);
    }
  });

  it('gives the same 404 for guessed ids as for real ones, so existence is not revealed', async () => {
    const client = a.owner.client;
    const guessed = ['AAAAAAAAAAAAAAAA', `${b.id.slice(0, -1)}x`, '1', 'partnership'];
    for (const id of guessed) {
      const answer = await client.get(`/api/partnerships/${id}`);
      expect(answer.status).toBe(404);
      expect(answer.body.error.id).toBe('not_found');
    }
    const real = await client.get(`/api/partnerships/${b.id}`);
    const fake = await client.get('/api/partnerships/AAAAAAAAAAAAAAAA');
    expect(real.body).toEqual(fake.body);
  });
});

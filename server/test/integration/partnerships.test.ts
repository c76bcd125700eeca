import { boardRecords, readBoard, readDocMeta } from '@samverka/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../src/storage/database.ts';
import { SqlUpdateLogStore } from '../../src/storage/sqlUpdateLogStore.ts';
import { addMember, createTestPartnership, signUp } from '../support/apiClient.ts';
import { type PolicyServer, startPolicyServer } from '../support/policyServer.ts';

describe('partnerships, documents, members and the audit trail', () => {
  let t: PolicyServer;
  let base: string;

  beforeAll(async () => {
    t = await startPolicyServer();
    base = t.server.url;
  });
  afterAll(() => t.dispose());

  async function storedDoc(documentId: string): Promise<Y.Doc> {
    const database = openDatabase({ dataDir: t.dataDir });
    try {
      const updates = await new SqlUpdateLogStore(database.db, database.dialect).loadUpdates(documentId);
      const doc = new Y.Doc();
      for (const update of updates) Y.applyUpdate(doc, update);
      return doc;
    } finally {
      await database.close();
    }
  }

  it('creates a partnership with its owner, a seeded canvas and a register, and warns about a short term', async () => {
    const owner = await signUp(base, 'Creator');
    const created = await owner.client.post('/api/partnerships', {
      name: 'Uppsala × Acme',
      universityName: 'Uppsala University',
      partnerName: 'Acme AB',
      side: 'partner',
      language: 'sv',
      startDate: '2026-01-01',
      termYears: 3,
      phase: 'establishing',
    });
    expect(created.status).toBe(201);
    expect(created.body.role).toBe('owner');
    expect(created.body.side).toBe('partner');
    expect(created.body.abilities.manageMembers).toBe(true);
    expect(created.body.partnership).toMatchObject({ language: 'sv', termYears: 3, phase: 'establishing' });
    expect(created.body.warnings.map((w: { id: string }) => w.id)).toEqual(['term_below_recommended']);
    const id = created.body.partnership.id;

    const list = await owner.client.get('/api/partnerships');
    expect(list.body.partnerships.map((p: { id: string }) => p.id)).toEqual([id]);
    expect(list.body.partnerships[0].role).toBe('owner');

    const docs = await owner.client.get(`/api/partnerships/${id}/documents`);
    const kinds = docs.body.documents.map((d: { kind: string }) => d.kind).sort();
    expect(kinds).toEqual(['canvas', 'register']);
    const canvasId = docs.body.documents.find((d: { kind: string }) => d.kind === 'canvas').id;
    const registerId = docs.body.documents.find((d: { kind: string }) => d.kind === 'register').id;
    const canvas = await storedDoc(canvasId);
    expect(readDocMeta(canvas)?.kind).toBe('canvas');
    expect(boardRecords(canvas).size).toBeGreaterThan(0);
    expect(readDocMeta(await storedDoc(registerId))?.kind).toBe('register');
  });

  it('creates text documents seeded from a template in the partnership language', async () => {
    const p = await createTestPartnership(base, 'Writer');
    const created = await p.owner.client.post(`/api/partnerships/${p.id}/documents`, {
      kind: 'text',
      title: 'Avtal',
      template: 'partnership-agreement',
    });
    expect(created.status).toBe(201);
    expect(created.body.document).toMatchObject({ kind: 'text', title: 'Avtal' });
    const doc = await storedDoc(created.body.document.id);
    const nodes = doc.getXmlFragment('default').toArray() as Y.XmlElement[];
    expect(nodes[0]?.nodeName).toBe('heading');
    expect(nodes[0]?.toString()).toContain('Partnership agreement');
    expect(nodes.length).toBeGreaterThan(2);

    const canvasWithTemplate = await p.owner.client.post(`/api/partnerships/${p.id}/documents`, {
      kind: 'canvas',
      title: 'Board',
      template: 'annual-plan',
    });
    expect(canvasWithTemplate.status).toBe(400);
    expect(canvasWithTemplate.body.error.id).toBe('template_not_applicable');
    const textWithCanvasTemplate = await p.owner.client.post(`/api/partnerships/${p.id}/documents`, {
      kind: 'text',
      title: 'Notes',
      template: 'partnership-canvas',
    });
    expect(textWithCanvasTemplate.status).toBe(400);
    const templateBoard = await p.owner.client.post(`/api/partnerships/${p.id}/documents`, {
      kind: 'canvas',
      title: 'Second board',
      template: 'partnership-canvas',
    });
    expect(templateBoard.status).toBe(201);
    const board = await storedDoc(templateBoard.body.document.id);
    const frames = readBoard(board).filter((r) => r.type === 'frame');
    expect(frames).toHaveLength(12);
    const docs = await p.owner.client.get(`/api/partnerships/${p.id}/documents`);
    expect(docs.body.documents).toHaveLength(4);
  });

  it('invites, accepts, changes roles, protects the last owner, removes, and records it all', async () => {
    const p = await createTestPartnership(base, 'Steward');
    const editor = await addMember(p, base, 'editor', 'partner');
    const members = await p.owner.client.get(`/api/partnerships/${p.id}/members`);
    expect(members.body.members.map((m: { role: string; side: string }) => `${m.role}/${m.side}`)).toEqual([
      'owner/university',
      'editor/partner',
    ]);
    const mine = await editor.client.get(`/api/partnerships/${p.id}`);
    expect(mine.body.role).toBe('editor');
    expect(mine.body.abilities).toMatchObject({ edit: true, manageMembers: false });

    const demoteLast = await p.owner.client.patch(`/api/partnerships/${p.id}/members/${p.owner.userId}`, {
      role: 'editor',
    });
    expect(demoteLast.status).toBe(409);
    expect(demoteLast.body.error.id).toBe('last_owner');
    const leaveLast = await p.owner.client.delete(`/api/partnerships/${p.id}/members/${p.owner.userId}`);
    expect(leaveLast.status).toBe(409);
    expect(leaveLast.body.error.id).toBe('last_owner');

    const promoted = await p.owner.client.patch(`/api/partnerships/${p.id}/members/${editor.userId}`, {
      role: 'owner',
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body.member.role).toBe('owner');
    const leave = await p.owner.client.delete(`/api/partnerships/${p.id}/members/${p.owner.userId}`);
    expect(leave.status).toBe(204);
    expect((await p.owner.client.get(`/api/partnerships/${p.id}`)).status).toBe(404);

    const renamed = await editor.client.patch(`/api/partnerships/${p.id}`, { name: 'Renamed' });
    expect(renamed.body.partnership.name).toBe('Renamed');
    const invited = await editor.client.post(`/api/partnerships/${p.id}/invitations`, {
      email: 'someone@example.org',
      role: 'viewer',
      side: 'university',
    });
    const pending = await editor.client.get(`/api/partnerships/${p.id}/invitations`);
    expect(pending.body.invitations.map((i: { id: string }) => i.id)).toEqual([invited.body.invitation.id]);
    expect(
      (await editor.client.delete(`/api/partnerships/${p.id}/invitations/${invited.body.invitation.id}`)).status,
    ).toBe(204);
    const token = invited.body.url.split('/').pop();
    expect((await editor.client.get(`/api/invitations/${token}`)).body.error.id).toBe('invitation_not_found');
    const archived = await editor.client.post(`/api/partnerships/${p.id}/archive`);
    expect(archived.body.partnership.archivedAt).not.toBeNull();
    expect(archived.body.abilities.edit).toBe(false);
    const afterArchive = await editor.client.post(`/api/partnerships/${p.id}/documents`, {
      kind: 'canvas',
      title: 'Late',
    });
    expect(afterArchive.status).toBe(409);
    expect(afterArchive.body.error.id).toBe('partnership_archived');

    const audit = await editor.client.get(`/api/partnerships/${p.id}/audit`);
    expect(audit.status).toBe(200);
    const types = audit.body.events.map((e: { type: string }) => e.type).reverse();
    expect(types).toEqual([
      'partnership_created',
      'member_invited',
      'member_joined',
      'member_role_changed',
      'member_left',
      'partnership_renamed',
      'member_invited',
      'invitation_revoked',
      'partnership_archived',
    ]);
    const joined = audit.body.events.find((e: { type: string }) => e.type === 'member_joined');
    expect(joined.actor).toMatchObject({ userId: editor.userId, name: 'editor', side: 'partner' });
  });
});

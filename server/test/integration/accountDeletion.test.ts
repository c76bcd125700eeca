// biome-ignore-all lint/suspicious/noExplicitAny: tests read JSON answers and rows loosely and assert on them
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ApiClient, addMember, createTestPartnership } from '../support/apiClient.ts';
import { policyServerSuite } from '../support/policyServer.ts';
import { openDataDir } from '../support/testServer.ts';

const PASSWORD = 'correct horse battery staple';
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

/** Every row of every table, each as text (binary columns as Latin-1), keyed by table. */
async function everyRow(dataDir: string): Promise<Record<string, string[]>> {
  const database = openDataDir(dataDir);
  try {
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(
      database.db,
    );
    const result: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(database.db);
      result[name] = rows.rows.map((row) =>
        JSON.stringify(row, (_key, value) =>
          value instanceof Uint8Array || value?.type === 'Buffer'
            ? Buffer.from(value.data ?? value).toString('latin1')
            : value,
        ),
      );
    }
    return result;
  } finally {
    await database.close();
  }
}

describe('deleting one’s own account', () => {
  const suite = policyServerSuite();

  it('exports the person’s data, refuses while they are a last owner, then removes every trace of them', async () => {
    const base = suite.base;
    const p = await createTestPartnership(base, 'Keeper');
    // Zebulon: an owner of P beside Keeper, and the only owner of a partnership of his own.
    const leaver = await addMember(p, base, 'owner', 'partner', 'Zebulon Quixotic');
    const created = await leaver.client.post('/api/partnerships', {
      name: 'Handover partnership',
      universityName: 'Lund University',
      partnerName: 'Acme AB',
      side: 'partner',
    });
    const ownId = created.body.partnership.id as string;
    const doc = await leaver.client.post(`/api/partnerships/${p.id}/documents`, { kind: 'text', title: 'Notes kept' });
    expect(doc.status).toBe(201);
    const upload = await leaver.client.request('POST', `/api/documents/${p.canvasId}/assets`, PNG_BYTES, {
      'content-type': 'image/png',
    });
    expect(upload.status).toBe(201);
    await leaver.client.post(`/api/partnerships/${p.id}/invitations`, {
      email: 'pending-guest@example.org',
      role: 'viewer',
      side: 'partner',
    });
    await new ApiClient(base).post('/api/auth/password-reset', { email: leaver.email });
    const otherDevice = new ApiClient(base);
    await otherDevice.post('/api/auth/login', { email: leaver.email, password: PASSWORD });

    const exported = await leaver.client.get('/api/me/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    expect(exported.body.account).toMatchObject({
      id: leaver.userId,
      email: leaver.email,
      name: 'Zebulon Quixotic',
      // A server without email never asks for confirmation, so none is recorded.
      emailVerifiedAt: null,
      notifications: 'immediate',
    });
    expect(exported.body.memberships.map((m: any) => m.partnershipId).sort()).toEqual([p.id, ownId].sort());
    expect(exported.body.sessions).toHaveLength(2);
    expect(exported.body.documentsCreated.map((d: any) => d.title)).toContain('Notes kept');
    expect(exported.body.filesUploaded).toHaveLength(1);
    expect(exported.body.invitationsSent.map((i: any) => i.email)).toEqual(['pending-guest@example.org']);
    expect(exported.body.activity.length).toBeGreaterThan(0);
    expect(JSON.stringify(exported.body)).not.toMatch(/argon2|secret_hash|password/);

    const wrong = await leaver.client.request('DELETE', '/api/me', { password: 'not my password' });
    expect([wrong.status, wrong.body.error.id]).toEqual([403, 'wrong_password']);
    const lastOwner = await leaver.client.request('DELETE', '/api/me', { password: PASSWORD });
    expect([lastOwner.status, lastOwner.body.error.id]).toEqual([409, 'last_owner']);
    expect((await leaver.client.get('/api/me')).status).toBe(200);

    // Hand over: an heir joins the own partnership and becomes its owner.
    const own = { id: ownId, owner: leaver, canvasId: '', registerId: '' };
    const heir = await addMember(own, base, 'editor', 'university', 'Heir');
    expect(
      (await leaver.client.patch(`/api/partnerships/${ownId}/members/${heir.userId}`, { role: 'owner' })).status,
    ).toBe(200);

    const before = await everyRow(suite.server.dataDir);
    expect(
      Object.values(before)
        .flat()
        .some((row) => row.includes(leaver.userId)),
    ).toBe(true);
    const deleted = await leaver.client.request('DELETE', '/api/me', { password: PASSWORD });
    expect(deleted.status).toBe(204);

    expect((await leaver.client.get('/api/me')).status).toBe(401);
    expect((await otherDevice.get('/api/me')).status).toBe(401);
    const login = await new ApiClient(base).post('/api/auth/login', { email: leaver.email, password: PASSWORD });
    expect(login.status).toBe(401);

    const after = await everyRow(suite.server.dataDir);
    expect(Object.keys(after)).toEqual(
      expect.arrayContaining(['users', 'sessions', 'memberships', 'invitations', 'audit_events', 'password_resets']),
    );
    for (const [table, rows] of Object.entries(after)) {
      const traces = rows.filter(
        (row) => row.includes(leaver.userId) || row.includes(leaver.email) || row.includes('Zebulon'),
      );
      expect(traces, `${table} still names the deleted person`).toEqual([]);
    }
    // What they made for the partnerships stays, authored by nobody.
    expect(after.documents?.some((row) => row.includes('Notes kept') && row.includes('"created_by":null'))).toBe(true);
    expect(after.assets).toHaveLength(before.assets?.length ?? -1);
    expect(after.audit_events).toHaveLength(before.audit_events?.length ?? -1);
    expect(after.invitations?.some((row) => row.includes('pending-guest@example.org'))).toBe(true);
    // Both partnerships keep an owner.
    const members = await p.owner.client.get(`/api/partnerships/${p.id}/members`);
    expect(members.body.members.map((m: any) => m.userId ?? m.id)).not.toContain(leaver.userId);
    const ownMembers = await heir.client.get(`/api/partnerships/${ownId}/members`);
    expect(ownMembers.status).toBe(200);
    const audit = await p.owner.client.get(`/api/partnerships/${p.id}/audit`);
    expect(audit.body.events.some((e: any) => e.actor === null)).toBe(true);
  });
});

import path from 'node:path';
import { CloseCode } from '@samverka/model';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { InProcessRightsBus, type RightsChanged } from '../../src/access/rightsEvents.ts';
import { type ApiAnswer, ApiClient, addMember, createTestPartnership } from '../support/apiClient.ts';
import { type PolicyServer, startPolicyServer } from '../support/policyServer.ts';
import { eventually } from '../support/syncClient.ts';

const PASSWORD = 'correct horse battery staple';

describe('every rights-changing command publishes exactly one event, after its commit', () => {
  let t: PolicyServer;
  let reader: SqliteDatabase.Database;
  const bus = new InProcessRightsBus();
  /** What the case under test reads from the database; the listener reads it the moment it hears the event. */
  let committedState: () => unknown = () => undefined;
  let heard: { event: RightsChanged; stateThen: unknown }[] = [];
  bus.subscribe((event) => heard.push({ event, stateThen: committedState() }));

  beforeAll(async () => {
    t = await startPolicyServer({ RATE_LIMIT_PER_IP: '1000', RATE_LIMIT_PER_ACCOUNT: '1000' }, { rights: bus });
    // Its own connection: it sees only what the server has committed.
    reader = new SqliteDatabase(path.join(t.dataDir, 'samverka.db'), { readonly: true });
  });
  afterAll(async () => {
    reader.close();
    await t.dispose();
  });

  const rows =
    (sql: string, ...params: unknown[]) =>
    () =>
      reader.prepare(sql).all(...params);

  /** Runs `call`; the events it published, and whether each was heard only once its change was committed. */
  async function publishedBy(
    state: () => unknown,
    call: () => Promise<ApiAnswer>,
  ): Promise<{ status: number; reasons: string[] }> {
    heard = [];
    committedState = state;
    const before = JSON.stringify(state());
    const answer = await call();
    const after = JSON.stringify(state());
    for (const { stateThen } of heard) {
      // Heard after commit: the listener already saw the final state, and the call changed something.
      expect(JSON.stringify(stateThen)).toBe(after);
      expect(after).not.toBe(before);
    }
    return { status: answer.status, reasons: heard.map(({ event }) => event.reason) };
  }

  async function signedIn(email: string): Promise<ApiClient> {
    const client = new ApiClient(t.server.url);
    expect((await client.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
    return client;
  }

  it('role change, removal, leaving, invitation revoked, archive', async () => {
    const base = t.server.url;
    const p = await createTestPartnership(base, 'EventsOwner');
    const [demoted, removed, leaving] = [
      await addMember(p, base, 'editor'),
      await addMember(p, base, 'viewer'),
      await addMember(p, base, 'viewer'),
    ];
    const membership = (userId: string) =>
      rows('SELECT role FROM memberships WHERE partnership_id = ? AND user_id = ?', p.id, userId);
    const owner = p.owner.client;

    expect(
      await publishedBy(membership(demoted.userId), () =>
        owner.patch(`/api/partnerships/${p.id}/members/${demoted.userId}`, { role: 'viewer' }),
      ),
    ).toEqual({ status: 200, reasons: ['roleChanged'] });
    expect(
      await publishedBy(membership(removed.userId), () =>
        owner.delete(`/api/partnerships/${p.id}/members/${removed.userId}`),
      ),
    ).toEqual({ status: 204, reasons: ['removed'] });
    expect(
      await publishedBy(membership(leaving.userId), () =>
        leaving.client.delete(`/api/partnerships/${p.id}/members/${leaving.userId}`),
      ),
    ).toEqual({ status: 204, reasons: ['left'] });

    const invited = await owner.post(`/api/partnerships/${p.id}/invitations`, {
      email: `revoked-${Date.now()}@example.org`,
      role: 'viewer',
      side: 'partner',
    });
    const invitationId = invited.body.invitation.id as string;
    const invitation = rows('SELECT revoked_at IS NOT NULL AS revoked FROM invitations WHERE id = ?', invitationId);
    expect(
      await publishedBy(invitation, () => owner.delete(`/api/partnerships/${p.id}/invitations/${invitationId}`)),
    ).toEqual({ status: 204, reasons: ['invitationRevoked'] });

    const archived = rows('SELECT archived_at IS NOT NULL AS archived FROM partnerships WHERE id = ?', p.id);
    expect(await publishedBy(archived, () => owner.post(`/api/partnerships/${p.id}/archive`))).toEqual({
      status: 200,
      reasons: ['archived'],
    });
  });

  it('sign-out, ending one session, sign-out elsewhere, password change', async () => {
    const p = await createTestPartnership(t.server.url, 'SessionsOwner');
    const { email, userId } = p.owner;
    const sessions = rows('SELECT id FROM sessions WHERE user_id = ? ORDER BY id', userId);
    const users = rows('SELECT password_hash FROM users WHERE id = ?', userId);

    const leaving = await signedIn(email);
    expect(await publishedBy(sessions, () => leaving.post('/api/auth/logout'))).toEqual({
      status: 204,
      reasons: ['signedOut'],
    });

    const other = await signedIn(email);
    const listed = await other.get('/api/sessions');
    const current = listed.body.sessions.find((s: { current: boolean }) => s.current).id as string;
    expect(await publishedBy(sessions, () => p.owner.client.delete(`/api/sessions/${current}`))).toEqual({
      status: 204,
      reasons: ['signedOut'],
    });

    await signedIn(email);
    expect(await publishedBy(sessions, () => p.owner.client.delete('/api/sessions/others'))).toEqual({
      status: 200,
      reasons: ['signedOutElsewhere'],
    });

    await signedIn(email);
    expect(
      await publishedBy(users, () =>
        p.owner.client.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: `${PASSWORD} again` }),
      ),
    ).toEqual({ status: 200, reasons: ['passwordChanged'] });
  });

  it('publishes nothing when the command is refused inside its transaction', async () => {
    const p = await createTestPartnership(t.server.url, 'LoneOwner');
    const owner = p.owner.client;
    const nothing = () => undefined;
    expect(
      await publishedBy(nothing, () =>
        owner.patch(`/api/partnerships/${p.id}/members/${p.owner.userId}`, { role: 'viewer' }),
      ),
    ).toEqual({ status: 409, reasons: [] });
    expect(
      await publishedBy(nothing, () => owner.delete(`/api/partnerships/${p.id}/members/${p.owner.userId}`)),
    ).toEqual({ status: 409, reasons: [] });
    const invited = await owner.post(`/api/partnerships/${p.id}/invitations`, {
      email: `twice-${Date.now()}@example.org`,
      role: 'viewer',
      side: 'partner',
    });
    const revoke = () => owner.delete(`/api/partnerships/${p.id}/invitations/${invited.body.invitation.id}`);
    expect((await revoke()).status).toBe(204);
    expect(await publishedBy(nothing, revoke)).toEqual({ status: 404, reasons: [] });
  });

  it('archiving a partnership with 5 members holding 10 sockets closes all 10 within a second, with one event', async () => {
    const base = t.server.url;
    const p = await createTestPartnership(base, 'ArchivingOwner');
    const members = [p.owner];
    for (const role of ['editor', 'editor', 'commenter', 'viewer']) members.push(await addMember(p, base, role));
    const codes: number[] = [];
    const sockets = await Promise.all(
      members.flatMap((member) =>
        [p.canvasId, p.registerId].map(
          (documentId) =>
            new Promise<WebSocket>((resolve, reject) => {
              const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/sync/${documentId}`, {
                headers: { cookie: member.client.cookie ?? '' },
              });
              // Live once the room's first frame arrives.
              ws.once('message', () => resolve(ws));
              ws.once('close', (code) => codes.push(code));
              ws.once('error', reject);
            }),
        ),
      ),
    );
    expect(sockets).toHaveLength(10);
    heard = [];
    committedState = () => undefined;
    const archived = await p.owner.client.post(`/api/partnerships/${p.id}/archive`);
    expect(archived.status).toBe(200);
    await eventually(() => codes.length === 10, 'all 10 sockets closed', 1000);
    expect(codes).toEqual(Array(10).fill(CloseCode.REAUTHORIZE));
    expect(heard.map(({ event }) => event.reason)).toEqual(['archived']);
  });
});

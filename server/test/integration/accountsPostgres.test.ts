import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestPartnership } from '../support/apiClient.ts';
import { type PolicyServer, startPolicyServer } from '../support/policyServer.ts';

const baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * The account, partnership, membership and audit queries on PostgreSQL, in a
 * throwaway schema (the same migrations and routes as on SQLite).
 */
describe('accounts and partnerships on PostgreSQL', () => {
  const schema = `accounts_${randomUUID().replaceAll('-', '')}`;
  let t: PolicyServer;

  beforeAll(async () => {
    await admin(`create schema ${schema}`);
    const url = new URL(baseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    t = await startPolicyServer({ DATABASE_URL: url.toString() });
  });
  afterAll(async () => {
    await t?.dispose();
    await admin(`drop schema if exists ${schema} cascade`);
  });

  it('keeps an owner when two owners demote each other at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const p = await createTestPartnership(t.server.url, `PgRace${round}`);
      const second = await addMember(p, t.server.url, 'owner');
      const [a, b] = await Promise.all([
        p.owner.client.patch(`/api/partnerships/${p.id}/members/${second.userId}`, { role: 'viewer' }),
        second.client.patch(`/api/partnerships/${p.id}/members/${p.owner.userId}`, { role: 'viewer' }),
      ]);
      // Exactly one wins; the other is refused as the last owner (409) or, if the winner
      // committed first, as someone who is no longer an owner (403).
      expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
      expect([a.status, b.status].filter((s) => s === 403 || s === 409)).toHaveLength(1);
      const members = await p.owner.client.get(`/api/partnerships/${p.id}/members`);
      const owners = (members.body.members ?? []).filter((m: { role: string }) => m.role === 'owner');
      expect(owners).toHaveLength(1);
    }
    // Five rounds of two sign-ups (argon2) each: about 1 s a round on a quiet machine, more on a loaded one.
  }, 30_000);

  it('signs up, creates a partnership, invites, accepts, changes a role and reads the audit trail', async () => {
    const p = await createTestPartnership(t.server.url, 'PgOwner');
    const member = await addMember(p, t.server.url, 'viewer');
    const last = await p.owner.client.patch(`/api/partnerships/${p.id}/members/${p.owner.userId}`, { role: 'viewer' });
    expect(last.body.error.id).toBe('last_owner');
    const changed = await p.owner.client.patch(`/api/partnerships/${p.id}/members/${member.userId}`, {
      role: 'editor',
    });
    expect(changed.body.member.role).toBe('editor');
    const docs = await member.client.get(`/api/partnerships/${p.id}/documents`);
    expect(docs.body.documents).toHaveLength(2);
    const audit = await p.owner.client.get(`/api/partnerships/${p.id}/audit`);
    expect(audit.body.events.map((e: { type: string }) => e.type)).toEqual([
      'member_role_changed',
      'member_joined',
      'member_invited',
      'partnership_created',
    ]);
  });
});

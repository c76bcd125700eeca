import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestPartnership, type TestPartnership } from '../support/apiClient.ts';
import { type PolicyServer, startPolicyServer } from '../support/policyServer.ts';

const PASSWORD = 'correct horse battery staple';

function signUpAs(base: string, email: string, invitationToken?: string) {
  return new ApiClient(base).post('/api/auth/signup', {
    email,
    password: PASSWORD,
    name: 'New person',
    ...(invitationToken ? { invitationToken } : {}),
  });
}

/**
 * A server with `policy`, over a data folder where an owner and partnership already exist (made by an
 * open server first, as an operator would bootstrap the first account). The owner signs in again.
 */
function restrictedSuite(policy: Record<string, string>) {
  let server: PolicyServer | undefined;
  let partnership: TestPartnership | undefined;
  const owner = { client: new ApiClient('') };
  let dataDir = '';
  beforeAll(async () => {
    const bootstrap = await startPolicyServer();
    partnership = await createTestPartnership(bootstrap.server.url, 'Inviter');
    await bootstrap.server.stop();
    dataDir = bootstrap.dataDir;
    server = await startPolicyServer({ ...policy, DATA_DIR: dataDir });
    owner.client = new ApiClient(server.server.url);
    const login = await owner.client.post('/api/auth/login', { email: partnership.owner.email, password: PASSWORD });
    expect(login.status).toBe(200);
  });
  afterAll(async () => {
    await server?.dispose();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get base(): string {
      if (!server) throw new Error('the server starts in beforeAll');
      return server.server.url;
    },
    /** Invites `email` into the partnership and returns the link's token. */
    async invite(email: string): Promise<string> {
      const answer = await owner.client.post(`/api/partnerships/${partnership?.id}/invitations`, {
        email,
        role: 'editor',
        side: 'partner',
      });
      expect(answer.status).toBe(201);
      return (answer.body.url as string).split('/').pop() as string;
    },
  };
}

describe('SIGNUP=invite-only', () => {
  const t = restrictedSuite({ SIGNUP: 'invite-only' });

  it('says what the policy is, so the sign-up page can explain it', async () => {
    const policy = await new ApiClient(t.base).get('/api/auth/signup-policy');
    expect(policy.status).toBe(200);
    expect(policy.body).toEqual({ mode: 'invite-only', domains: [] });
  });

  it('refuses a sign-up without an invitation, and stores nothing', async () => {
    const refused = await signUpAs(t.base, 'stranger@example.org');
    expect(refused.status).toBe(403);
    expect(refused.body.error.id).toBe('signup_not_allowed');
    expect(refused.headers.get('set-cookie')).toBeNull();
    const login = await new ApiClient(t.base).post('/api/auth/login', {
      email: 'stranger@example.org',
      password: PASSWORD,
    });
    expect(login.status).toBe(401);
  });

  it("accepts the invitee with the invitation's token, who can then accept it", async () => {
    const token = await t.invite('invitee@example.org');
    const accepted = await signUpAs(t.base, 'Invitee@Example.org', token);
    expect(accepted.status).toBe(201);
    const client = new ApiClient(t.base);
    await client.post('/api/auth/login', { email: 'invitee@example.org', password: PASSWORD });
    expect((await client.post(`/api/invitations/${token}/accept`)).status).toBe(200);
  });

  it("refuses another email holding someone else's invitation, and a made-up or used token", async () => {
    const token = await t.invite('rightful@example.org');
    const other = await signUpAs(t.base, 'thief@example.org', token);
    expect(other.status).toBe(403);
    expect(other.body.error.id).toBe('signup_not_allowed');
    const madeUp = await signUpAs(t.base, 'rightful@example.org', 'x'.repeat(32));
    expect(madeUp.body.error.id).toBe('signup_not_allowed');
    // Once the invitee has joined, the used token lets nobody else in either.
    expect((await signUpAs(t.base, 'rightful@example.org', token)).status).toBe(201);
    const client = new ApiClient(t.base);
    await client.post('/api/auth/login', { email: 'rightful@example.org', password: PASSWORD });
    await client.post(`/api/invitations/${token}/accept`);
    const reused = await signUpAs(t.base, 'rightful2@example.org', token);
    expect(reused.body.error.id).toBe('signup_not_allowed');
  });
});

describe('SIGNUP=domains', () => {
  const t = restrictedSuite({ SIGNUP: 'domains', SIGNUP_DOMAINS: 'uni.se, Partner.COM' });

  it('lists the domains it accepts', async () => {
    const policy = await new ApiClient(t.base).get('/api/auth/signup-policy');
    expect(policy.body).toEqual({ mode: 'domains', domains: ['uni.se', 'partner.com'] });
  });

  it('accepts addresses at a listed domain whatever their case', async () => {
    expect((await signUpAs(t.base, 'ada@uni.se')).status).toBe(201);
    expect((await signUpAs(t.base, 'Grace@UNI.SE')).status).toBe(201);
    expect((await signUpAs(t.base, 'linus@partner.com')).status).toBe(201);
  });

  it.each([
    'mallory@evil.uni.se',
    'mallory@uni.se.evil.com',
    'mallory@xuni.se',
    'mallory@uni.sex',
    'mallory@example.org',
  ])('refuses %s', async (email) => {
    const refused = await signUpAs(t.base, email);
    expect(refused.status).toBe(403);
    expect(refused.body.error.id).toBe('signup_not_allowed');
  });

  it('refuses a listed domain with a trailing dot (not a valid address here, and never a match)', async () => {
    expect((await signUpAs(t.base, 'mallory@partner.com.')).status).not.toBe(201);
  });

  it('still lets an invitee from another domain in', async () => {
    const token = await t.invite('guest@consultancy.example');
    expect((await signUpAs(t.base, 'guest@consultancy.example')).status).toBe(403);
    expect((await signUpAs(t.base, 'guest@consultancy.example', token)).status).toBe(201);
  });
});

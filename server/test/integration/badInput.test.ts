// biome-ignore-all lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import { ApiClient, createTestPartnership, signUp, TEST_ORIGIN } from '../support/apiClient.ts';
import { type PolicyServer, startPolicyServer } from '../support/policyServer.ts';

function postWithoutKeepAlive(url: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', origin: TEST_ORIGIN } },
      (response) => {
        let text = '';
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('bad input gets a 4xx with a stable id and creates nothing', () => {
  let t: PolicyServer;
  let base: string;

  beforeAll(async () => {
    t = await startPolicyServer();
    base = t.server.url;
  });
  afterAll(() => t.dispose());

  async function count(table: 'users' | 'partnerships' | 'memberships' | 'documents' | 'invitations'): Promise<number> {
    const database = openDatabase({ dataDir: t.dataDir });
    try {
      const row = await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    } finally {
      await database.close();
    }
  }

  it('refuses malformed email, short and common passwords, unknown fields and bad JSON at sign-up', async () => {
    const before = await count('users');
    const client = new ApiClient(base);
    const cases: [unknown, string, string?][] = [
      [{ email: 'not-an-email', password: 'long enough password', name: 'A' }, 'validation_failed', 'email'],
      [{ email: 'a@example.org', password: 'short', name: 'A' }, 'validation_failed', 'password'],
      [{ email: 'a@example.org', password: 'Password123', name: 'A' }, 'password_too_common', 'password'],
      [{ email: 'a@example.org', password: 'qwertyuiop', name: 'A' }, 'password_too_common', 'password'],
      [{ email: 'a@example.org', password: 'long enough password', name: 'A', role: 'admin' }, 'unknown_field', 'role'],
      [{ email: 'a@example.org', password: 'long enough password' }, 'validation_failed', 'name'],
      ['{"email": ', 'validation_failed'],
    ];
    for (const [body, id, field] of cases) {
      const answer = await client.post('/api/auth/signup', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.id, JSON.stringify(body)).toBe(id);
      if (field) expect(Object.keys(answer.body.error.fields ?? {})).toContain(field);
    }
    expect(await count('users')).toBe(before);
    expect(client.cookie).toBeUndefined();
  });

  it('refuses a second account with the same email, however it is written', async () => {
    const first = await signUp(base, 'Twice');
    const before = await count('users');
    const again = await new ApiClient(base).post('/api/auth/signup', {
      email: ` ${first.email.toUpperCase()} `,
      password: 'another long password',
      name: 'Twice again',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.id).toBe('email_taken');
    expect(await count('users')).toBe(before);
  });

  it('refuses unknown fields and malformed partnership and invitation bodies', async () => {
    const p = await createTestPartnership(base, 'Strict');
    const [partnerships, invitations, documents] = await Promise.all([
      count('partnerships'),
      count('invitations'),
      count('documents'),
    ]);
    const client = p.owner.client;
    const answers = [
      await client.post('/api/partnerships', { name: 'X', universityName: 'U', partnerName: 'P', side: 'both' }),
      await client.post('/api/partnerships', {
        name: 'X',
        universityName: 'U',
        partnerName: 'P',
        side: 'partner',
        id: 'mine',
      }),
      await client.post('/api/partnerships', { name: '', universityName: 'U', partnerName: 'P', side: 'partner' }),
      await client.post(`/api/partnerships/${p.id}/invitations`, { email: 'nope', role: 'editor', side: 'partner' }),
      await client.post(`/api/partnerships/${p.id}/invitations`, {
        email: 'x@example.org',
        role: 'admin',
        side: 'partner',
      }),
      await client.post(`/api/partnerships/${p.id}/documents`, { kind: 'register', title: 'Second register' }),
      await client.post(`/api/partnerships/${p.id}/documents`, { kind: 'text', title: 'T', template: 'novel' }),
    ];
    expect(answers.map((a) => `${a.status} ${a.body.error.id}`)).toEqual([
      '400 validation_failed',
      '400 unknown_field',
      '400 validation_failed',
      '400 validation_failed',
      '400 validation_failed',
      '400 validation_failed',
      '400 validation_failed',
    ]);
    expect(await count('partnerships')).toBe(partnerships);
    expect(await count('invitations')).toBe(invitations);
    expect(await count('documents')).toBe(documents);
  });

  it('refuses bodies over 1 MB with 413 payload_too_large', async () => {
    const before = await count('users');
    const huge = { email: 'big@example.org', password: 'long enough password', name: 'x'.repeat(1024 * 1024 + 10) };
    // Its own connection: the server answers before reading the body and then drops the socket.
    const answer = await postWithoutKeepAlive(`${base}/api/auth/signup`, JSON.stringify(huge));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.id).toBe('payload_too_large');
    expect(await count('users')).toBe(before);
  });

  it('refuses reused, revoked, expired, mistyped and wrongly addressed invitation tokens', async () => {
    const p = await createTestPartnership(base, 'Inviter');
    const invitee = await signUp(base, 'Invitee');
    const stranger = await signUp(base, 'Stranger');
    const invite = async () => {
      const answer = await p.owner.client.post(`/api/partnerships/${p.id}/invitations`, {
        email: invitee.email,
        role: 'editor',
        side: 'partner',
      });
      return { id: answer.body.invitation.id as string, token: (answer.body.url as string).split('/').pop() as string };
    };
    const memberships = await count('memberships');

    const wrongPerson = await invite();
    const mismatch = await stranger.client.post(`/api/invitations/${wrongPerson.token}/accept`);
    expect([mismatch.status, mismatch.body.error.id]).toEqual([403, 'invitation_email_mismatch']);

    const expired = await invite();
    const database = openDatabase({ dataDir: t.dataDir });
    await database.db
      .updateTable('invitations')
      .set({ expires_at: Date.now() - 1 })
      .where('id', '=', expired.id)
      .execute();
    await database.close();
    const late = await invitee.client.post(`/api/invitations/${expired.token}/accept`);
    expect([late.status, late.body.error.id]).toEqual([410, 'invitation_expired']);

    const revoked = await invite();
    await p.owner.client.delete(`/api/partnerships/${p.id}/invitations/${revoked.id}`);
    const withdrawn = await invitee.client.post(`/api/invitations/${revoked.token}/accept`);
    expect([withdrawn.status, withdrawn.body.error.id]).toEqual([404, 'invitation_not_found']);

    const guessed = await invitee.client.post(`/api/invitations/${'A'.repeat(43)}/accept`);
    expect([guessed.status, guessed.body.error.id]).toEqual([404, 'invitation_not_found']);
    const anonymous = await new ApiClient(base).post(`/api/invitations/${wrongPerson.token}/accept`);
    expect([anonymous.status, anonymous.body.error.id]).toEqual([401, 'unauthenticated']);
    expect(await count('memberships')).toBe(memberships);

    // Each new invitation to the same email replaced the one before it.
    const superseded = await invitee.client.post(`/api/invitations/${wrongPerson.token}/accept`);
    expect([superseded.status, superseded.body.error.id]).toEqual([404, 'invitation_not_found']);
    const newest = await invite();
    const accepted = await invitee.client.post(`/api/invitations/${newest.token}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ partnershipId: p.id, role: 'editor', side: 'partner' });
    const reused = await invitee.client.post(`/api/invitations/${newest.token}/accept`);
    expect([reused.status, reused.body.error.id]).toEqual([410, 'invitation_used']);
    expect(await count('memberships')).toBe(memberships + 1);
  });
});

describe('rate limits on login, sign-up and invitation acceptance', () => {
  let t: PolicyServer;

  beforeAll(async () => {
    t = await startPolicyServer({ RATE_LIMIT_PER_ACCOUNT: '3', RATE_LIMIT_PER_IP: '8' });
  });
  afterAll(() => t.dispose());

  it('slows wrong passwords per (account, address), then answers 429 with Retry-After', async () => {
    const person = await signUp(t.server.url, 'Limited');
    const client = new ApiClient(t.server.url);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 11; i++) {
      const answer = await client.post('/api/auth/login', { email: person.email, password: 'wrong password!' });
      statuses.push(answer.status);
      if (answer.status === 429) {
        retryAfter = answer.headers.get('retry-after');
        expect(answer.body.error.id).toBe('rate_limited');
      }
    }
    // Five free failures, five slowed ones (100 ms doubling), then refused without a password check.
    expect(statuses).toEqual([...new Array(10).fill(401), 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // From this address, which failed, the right password waits its turn too (another address
    // would be let in at once: server/test/abuse/lockout.test.ts).
    const slowed = await client.post('/api/auth/login', {
      email: person.email,
      password: 'correct horse battery staple',
    });
    expect(slowed.status).toBe(429);
  });

  it('limits sign-ups and invitation acceptance per address too', async () => {
    const signups: number[] = [];
    const first = new ApiClient(t.server.url);
    // One sign-up already happened above; the per-IP limit is 8.
    for (let i = 0; i < 8; i++) {
      const answer = await (i === 0 ? first : new ApiClient(t.server.url)).post('/api/auth/signup', {
        email: `burst${i}@example.org`,
        password: 'correct horse battery staple',
        name: 'Burst',
      });
      signups.push(answer.status);
    }
    expect(signups).toEqual([201, 201, 201, 201, 201, 201, 201, 429]);
    const accepts: number[] = [];
    // Signed in by its sign-up (logins from this address are already limited by the test above).
    for (let i = 0; i < 4; i++) accepts.push((await first.post(`/api/invitations/${'B'.repeat(43)}/accept`)).status);
    expect(accepts).toEqual([404, 404, 404, 429]);
    // Password changes too: each try costs an argon2 hash and could guess the current password.
    const tries: number[] = [];
    for (let i = 0; i < 4; i++) {
      const answer = await first.post('/api/auth/password', {
        currentPassword: 'not the password',
        newPassword: 'another long password',
      });
      tries.push(answer.status);
    }
    expect(tries).toEqual([403, 403, 403, 429]);
  });
});

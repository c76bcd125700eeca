// biome-ignore-all lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestPartnership, TEST_ORIGIN } from '../support/apiClient.ts';
import { confirmedPartnership, isVerificationEmail, tokenOf } from '../support/confirmedAccounts.ts';
import { type SmtpCapture, startSmtpCapture } from '../support/smtpCapture.ts';
import { openDataDir, startTestServer, type TestServer } from '../support/testServer.ts';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase';

/** The link in an email's plain text (the line after the call to action). */
function linkIn(text: string): string {
  const match = /(https?:\/\/\S+)/.exec(text);
  if (!match?.[1]) throw new Error(`no link in ${text}`);
  return match[1];
}

/** Signs up; with `confirm` (a server that sends email) also confirms the address through the emailed link. */
async function signUpWith(
  base: string,
  email: string,
  locale: 'en' | 'sv',
  confirm?: { smtp: SmtpCapture; tokens: string[] },
) {
  const client = new ApiClient(base);
  const answer = await client.post('/api/auth/signup', { email, password: PASSWORD, name: 'Ada', locale });
  expect(answer.status).toBe(201);
  if (confirm) {
    const verification = await confirm.smtp.next(email, isVerificationEmail);
    const link = linkIn(verification.text);
    confirm.tokens.push(tokenOf(link));
    expect((await client.post(new URL(link).pathname + new URL(link).search)).status).toBe(200);
  }
  return client;
}

// Each test signs people up (argon2, several times) and waits for real SMTP deliveries: slow on a loaded machine.
describe('email through a real SMTP server', { timeout: 30_000 }, () => {
  let smtp: SmtpCapture;
  let t: TestServer;
  /** Every secret token the tests saw, to look for in the log at the end. */
  const tokens: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestServer({
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Samverka <samverka@uni.example>', ALLOWED_ORIGINS: TEST_ORIGIN },
      captureLogs: 'debug',
    });
  });
  afterAll(async () => {
    await t.dispose();
    await smtp.stop();
  });

  it('sends an invitation in the partnership language whose link lets the invitee join', async () => {
    const base = t.server.url;
    const owner = await signUpWith(base, 'svensk-owner@uni.example', 'en', { smtp, tokens });
    const created = await owner.post('/api/partnerships', {
      name: 'Forskning i samverkan',
      universityName: 'Uppsala universitet',
      partnerName: 'Acme AB',
      side: 'university',
      language: 'sv',
    });
    const p = { id: created.body.partnership.id as string, owner: { client: owner } };
    const invited = await p.owner.client.post(`/api/partnerships/${p.id}/invitations`, {
      email: 'Invitee@Partner.example',
      role: 'editor',
      side: 'partner',
    });
    expect(invited.status).toBe(201);
    expect(invited.body.emailed).toBe(true);
    const email = await smtp.next('invitee@partner.example');
    // The invitee has no account yet: the partnership's language decides.
    expect(email.subject).toBe('Inbjudan till Forskning i samverkan i Samverka');
    expect(email.text).toContain('Ada har bjudit in dig till partnerskapet Forskning i samverkan som redaktör.');
    expect(email.raw).toMatch(/^From: Samverka <samverka@uni\.example>/m);
    const link = linkIn(email.text);
    // The emailed link is the one the page shows for copying.
    expect(link).toBe(invited.body.url);
    tokens.push(link.split('/').pop() as string);
    expect(email.html).toContain(`href="${link}"`);
    expect(email.html).toContain('<html lang=');

    const invitee = await signUpWith(base, 'invitee@partner.example', 'en', { smtp, tokens });
    const preview = await invitee.get(new URL(link).pathname.replace('/invite/', '/api/invitations/'));
    expect(preview.status).toBe(200);
    const accepted = await invitee.post(`/api/invitations/${link.split('/').pop()}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.partnershipId).toBe(p.id);
  });

  it('writes to a person with an account in their own language, in text and HTML', async () => {
    const base = t.server.url;
    const p = await confirmedPartnership(base, smtp, { name: 'Inviter', tokens });
    await signUpWith(base, 'svensk@uni.example', 'sv', { smtp, tokens });
    const invited = await p.owner.client.post(`/api/partnerships/${p.id}/invitations`, {
      email: 'svensk@uni.example',
      role: 'viewer',
      side: 'university',
    });
    tokens.push((invited.body.url as string).split('/').pop() as string);
    const email = await smtp.next('svensk@uni.example');
    expect(email.subject).toBe(`Inbjudan till Inviter's partnership i Samverka`);
    expect(email.text).toContain('som läsare');
    expect(email.html).toContain('som läsare');
    expect(email.html).toContain('Inviter&#39;s partnership');

    // Changing the language in the app changes the emails' language.
    const english = await signUpWith(base, 'switcher@uni.example', 'sv', { smtp, tokens });
    expect((await english.patch('/api/me', { locale: 'en' })).body.user.locale).toBe('en');
    const again = await p.owner.client.post(`/api/partnerships/${p.id}/invitations`, {
      email: 'switcher@uni.example',
      role: 'viewer',
      side: 'university',
    });
    tokens.push((again.body.url as string).split('/').pop() as string);
    expect((await smtp.next('switcher@uni.example')).subject).toBe(`Invitation to Inviter's partnership on Samverka`);
  });

  it('resets a password by email once: the link works one time and ends every session', async () => {
    const base = t.server.url;
    const person = await signUpWith(base, 'forgetful@uni.example', 'sv', { smtp, tokens });
    const elsewhere = new ApiClient(base);
    await elsewhere.post('/api/auth/login', { email: 'forgetful@uni.example', password: PASSWORD });

    const stranger = new ApiClient(base);
    const unknown = await stranger.post('/api/auth/password-reset', { email: 'nobody@uni.example' });
    const known = await stranger.post('/api/auth/password-reset', { email: 'Forgetful@uni.example' });
    // The same answer either way: nothing says which emails have accounts.
    expect([unknown.status, unknown.body]).toEqual([204, '']);
    expect([known.status, known.body]).toEqual([204, '']);

    const email = await smtp.next('forgetful@uni.example');
    expect(email.subject).toBe('Välj ett nytt lösenord för Samverka');
    const link = linkIn(email.text);
    expect(link).toMatch(/^http:\/\/localhost:\d+\/reset-password#[A-Za-z0-9_-]{40,}$/);
    const token = new URL(link).hash.slice(1);
    tokens.push(token);

    const set = await stranger.post('/api/auth/password-reset/confirm', { token, newPassword: NEW_PASSWORD });
    expect(set.status).toBe(200);
    expect(set.body.ended).toBe(2);
    expect((await person.get('/api/me')).status).toBe(401);
    expect((await elsewhere.get('/api/me')).status).toBe(401);
    const oldLogin = await new ApiClient(base).post('/api/auth/login', {
      email: 'forgetful@uni.example',
      password: PASSWORD,
    });
    expect(oldLogin.status).toBe(401);
    const newLogin = await new ApiClient(base).post('/api/auth/login', {
      email: 'forgetful@uni.example',
      password: NEW_PASSWORD,
    });
    expect(newLogin.status).toBe(200);

    const second = await stranger.post('/api/auth/password-reset/confirm', {
      token,
      newPassword: 'yet another passphrase',
    });
    expect(second.status).toBe(400);
    expect(second.body.error.id).toBe('reset_token_invalid');
    // Nothing was sent to the unknown address.
    expect(smtp.messages.some((message) => message.to.includes('nobody@uni.example'))).toBe(false);
  });

  it('refuses a reset link after its hour, and stores only the hash of a token', async () => {
    const base = t.server.url;
    await signUpWith(base, 'late@uni.example', 'en', { smtp, tokens });
    await new ApiClient(base).post('/api/auth/password-reset', { email: 'late@uni.example' });
    const email = await smtp.next('late@uni.example');
    expect(email.subject).toBe('Set a new password for Samverka');
    const token = new URL(linkIn(email.text)).hash.slice(1);
    tokens.push(token);
    const database = openDataDir(t.dataDir);
    try {
      const rows = await database.db.selectFrom('password_resets').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(token);
      await database.db
        .updateTable('password_resets')
        .set({ expires_at: Date.now() - 1 })
        .execute();
    } finally {
      await database.close();
    }
    const expired = await new ApiClient(base).post('/api/auth/password-reset/confirm', {
      token,
      newPassword: NEW_PASSWORD,
    });
    expect(expired.body.error.id).toBe('reset_token_invalid');
  });

  it('never writes a token to the log', () => {
    expect(tokens.length).toBeGreaterThanOrEqual(5);
    expect(t.logs.length).toBeGreaterThan(10);
    expect(t.logs.some((line) => line.includes('"email sent"'))).toBe(true);
    for (const token of tokens) expect(t.logs.filter((line) => line.includes(token))).toEqual([]);
  });
});

describe('email without SMTP', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { ALLOWED_ORIGINS: TEST_ORIGIN }, captureLogs: 'info' });
  });
  afterAll(() => t.dispose());

  it('logs each email with its subject and a masked link, so a pilot sees what would have gone out', async () => {
    const base = t.server.url;
    const p = await createTestPartnership(base, 'Pilot');
    const invited = await p.owner.client.post(`/api/partnerships/${p.id}/invitations`, {
      email: 'pilot-invitee@uni.example',
      role: 'viewer',
      side: 'partner',
    });
    expect(invited.body.emailed).toBe(false);
    const invitationToken = (invited.body.url as string).split('/').pop() as string;
    await signUpWith(base, 'pilot-reset@uni.example', 'en');
    expect(
      (await new ApiClient(base).post('/api/auth/password-reset', { email: 'pilot-reset@uni.example' })).status,
    ).toBe(204);
    const lines = () => t.logs.filter((line) => line.includes('email not sent')).map((line) => JSON.parse(line) as any);
    await expect.poll(() => lines().length, { timeout: 10_000 }).toBe(2);
    const [invitation, reset] = lines();
    expect(invitation).toMatchObject({
      level: 30,
      kind: 'invitation',
      subject: "Invitation to Pilot's partnership on Samverka",
    });
    expect(invitation.link).toMatch(/\/invite\/\[redacted\]$/);
    expect(reset).toMatchObject({ kind: 'password_reset', subject: 'Set a new password for Samverka' });
    expect(reset.link).toMatch(/\/reset-password#\[redacted\]$/);
    expect(t.logs.filter((line) => line.includes(invitationToken))).toEqual([]);
  });
});

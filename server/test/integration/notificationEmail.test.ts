// biome-ignore-all lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, TEST_ORIGIN, type TestPartnership } from '../support/apiClient.ts';
import {
  addConfirmedMember,
  type ConfirmedPerson,
  confirmedPartnership,
  firstLink,
  isNotificationEmail,
  isVerificationEmail,
  tokenOf,
  unsubscribeHeader,
} from '../support/confirmedAccounts.ts';
import { type SmtpCapture, startSmtpCapture } from '../support/smtpCapture.ts';
import { openDataDir, startTestServer, type TestServer } from '../support/testServer.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

// Each test signs people up (argon2, several times) and waits for real SMTP deliveries: slow on a loaded machine.
describe('notification emails and address verification through a real SMTP server', { timeout: 30_000 }, () => {
  let smtp: SmtpCapture;
  let t: TestServer;
  /** The digest scheduler's clock runs this far ahead of the wall clock. */
  let clockAhead = 0;
  /** Every secret token the tests saw (verification, invitation, unsubscribe), looked for in the log at the end. */
  const tokens: string[] = [];
  let p: TestPartnership;
  let maja: ConfirmedPerson;

  /** Links carry PUBLIC_URL (port 0 in tests): the same path on the running server. */
  const onServer = (link: string) => t.server.url + new URL(link).pathname + new URL(link).search;
  const notificationsTo = (address: string) =>
    smtp.messages.filter((email) => email.to.includes(address) && isNotificationEmail(email));
  /** Every queued send has finished and the scheduler has run once (immediate leftovers and due digests). */
  const settle = async () => {
    await t.server.notifications.idle();
    await t.server.notifications.tick();
  };
  const thread = async (author: ApiClient, body: string) => {
    const created = await author.post(`/api/partnerships/${p.id}/threads`, { anchor: { type: 'partnership' }, body });
    expect(created.status).toBe(201);
    return created.body.thread.id as string;
  };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await startTestServer({
      env: { SMTP_URL: smtp.url, ALLOWED_ORIGINS: TEST_ORIGIN },
      captureLogs: 'debug',
      clock: () => Date.now() + clockAhead,
    });
    p = await confirmedPartnership(t.server.url, smtp, { name: 'Olle', tokens });
    maja = await addConfirmedMember(p, t.server.url, smtp, { name: 'Maja', role: 'commenter', locale: 'sv', tokens });
  }, 60_000);
  afterAll(async () => {
    await t.dispose();
    await smtp.stop();
  });

  it('sends a mention as exactly one email in the recipient language, text and HTML, with one-click unsubscribe', async () => {
    await thread(p.owner.client, `Hej @[${maja.userId}], kan du läsa <avtalet> & svara?`);
    const email = await smtp.next(maja.email, isNotificationEmail);
    expect(email.subject).toBe(`Olle nämnde dig i Olle's partnership`);
    expect(email.text).toContain('> Hej @Maja, kan du läsa <avtalet> & svara?');
    expect(email.html).toContain('Hej @Maja, kan du läsa &lt;avtalet&gt; &amp; svara?');
    expect(email.html).toContain('<html lang="sv">');
    const open = firstLink(email.text);
    expect(new URL(open).pathname + new URL(open).search).toMatch(new RegExp(`^/p/${p.id}\\?thread=[A-Za-z0-9_-]+$`));
    expect(email.html).toContain(`href="${open}"`);
    const unsubscribe = unsubscribeHeader(email);
    tokens.push(tokenOf(unsubscribe));
    expect(email.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(email.text).toContain(`Sluta skicka de här meddelandena: ${unsubscribe}`);
    await settle();
    expect(notificationsTo(maja.email)).toHaveLength(1);
    // The author is never told about their own message.
    expect(notificationsTo(p.owner.email)).toHaveLength(0);
  });

  it('tells the thread participants of a reply, but never the replier', async () => {
    const threadId = await thread(p.owner.client, 'A question for everyone');
    const reply = await maja.client.post(`/api/threads/${threadId}/messages`, { body: 'Mitt svar' });
    expect(reply.status).toBe(201);
    const email = await smtp.next(p.owner.email, isNotificationEmail);
    expect(email.subject).toBe(`Maja replied in a thread of yours in Olle's partnership`);
    expect(email.text).toContain('> Mitt svar');
    await settle();
    expect(notificationsTo(p.owner.email)).toHaveLength(1);
    expect(notificationsTo(maja.email)).toHaveLength(1);
  });

  it('collects three mentions for a digest person into one digest, sent once even by two senders at once', async () => {
    const dag = await addConfirmedMember(p, t.server.url, smtp, { name: 'Dag', role: 'editor', tokens });
    expect((await dag.client.patch('/api/me', { notifications: 'digest' })).body.user.notifications).toBe('digest');
    const bodies = ['first', 'second', 'third'].map((word) => `@[${dag.userId}] the ${word} point`);
    await thread(p.owner.client, bodies[0] as string);
    const second = await thread(maja.client, bodies[1] as string);
    await p.owner.client.post(`/api/threads/${second}/messages`, { body: bodies[2] });
    await settle();
    // Before the digest's hour nothing goes out.
    expect(notificationsTo(dag.email)).toHaveLength(0);

    clockAhead = DAY_MS;
    try {
      const sent = await Promise.all([t.server.notifications.sendDigests(), t.server.notifications.sendDigests()]);
      expect(sent[0] + sent[1]).toBe(1);
      await settle();
    } finally {
      clockAhead = 0;
    }
    const digests = notificationsTo(dag.email);
    expect(digests).toHaveLength(1);
    const [digest] = digests as [(typeof digests)[number]];
    expect(digest.subject).toBe('Samverka: 3 new messages for you today');
    for (const word of ['first', 'second', 'third']) {
      expect(digest.text).toContain(`> @Dag the ${word} point`);
      expect(digest.html).toContain(`@Dag the ${word} point`);
    }
    expect(digest.text).toContain('Olle mentioned you in');
    expect(digest.text).toContain('Maja mentioned you in');
    tokens.push(tokenOf(unsubscribeHeader(digest)));
  });

  it('sends nothing to a person removed from the partnership before their digest goes out', async () => {
    const rut = await addConfirmedMember(p, t.server.url, smtp, { name: 'Rut', role: 'viewer', tokens });
    await rut.client.patch('/api/me', { notifications: 'digest' });
    await thread(p.owner.client, `@[${rut.userId}] something confidential`);
    expect((await p.owner.client.delete(`/api/partnerships/${p.id}/members/${rut.userId}`)).status).toBe(204);
    clockAhead = DAY_MS;
    try {
      expect(await t.server.notifications.sendDigests()).toBe(0);
    } finally {
      clockAhead = 0;
    }
    await settle();
    expect(notificationsTo(rut.email)).toHaveLength(0);
    const database = openDataDir(t.dataDir);
    try {
      const rows = await database.db
        .selectFrom('notification_queue')
        .selectAll()
        .where('user_id', '=', rut.userId)
        .execute();
      expect(rows.map((row) => row.done_at !== null)).toEqual([true]);
    } finally {
      await database.close();
    }
  });

  it('unsubscribes with one click: the page asks first, the RFC 8058 POST needs no cookie or Origin', async () => {
    const ines = await addConfirmedMember(p, t.server.url, smtp, { name: 'Ines', role: 'editor', tokens });
    await thread(p.owner.client, `@[${ines.userId}] please look`);
    const email = await smtp.next(ines.email, isNotificationEmail);
    const url = onServer(unsubscribeHeader(email));
    tokens.push(tokenOf(url));

    const page = await fetch(url);
    expect(page.status).toBe(200);
    // The URL holds the token: no Referer may carry it on when the page's links are followed.
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain(ines.email);
    expect(html).toContain('<form method="post">');
    // Opening the page (as a mail scanner would) changes nothing.
    expect((await ines.client.get('/api/me')).body.user.notifications).toBe('immediate');

    const oneClick = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect((await ines.client.get('/api/me')).body.user.notifications).toBe('off');

    await thread(p.owner.client, `@[${ines.userId}] are you there?`);
    await settle();
    expect(notificationsTo(ines.email)).toHaveLength(1);

    const forged = await fetch(url.replace(/token=[^&]+/, `token=${'x'.repeat(43)}`), { method: 'POST' });
    expect(forged.status).toBe(400);
  });

  it('asks a new account to confirm its address: refused a partnership and notifications until then, the link works once', async () => {
    const base = t.server.url;
    const address = `vera-${Date.now()}@uni.example`;
    const vera = new ApiClient(base);
    const signedUp = await vera.post('/api/auth/signup', {
      email: address,
      password: 'correct horse battery staple',
      name: 'Vera',
      locale: 'sv',
    });
    expect(signedUp.body.user.emailVerified).toBe(false);
    const create = { name: 'Vera AB', universityName: 'KTH', partnerName: 'Vera AB', side: 'partner' };
    const refused = await vera.post('/api/partnerships', create);
    expect([refused.status, refused.body.error.id]).toEqual([403, 'email_unverified']);

    // An invitation still lets an unconfirmed person in; mentions of them are not emailed.
    const invited = await p.owner.client.post(`/api/partnerships/${p.id}/invitations`, {
      email: address,
      role: 'viewer',
      side: 'partner',
    });
    const invitationToken = (invited.body.url as string).split('/').pop() as string;
    tokens.push(invitationToken);
    expect((await vera.post(`/api/invitations/${invitationToken}/accept`)).status).toBe(200);
    const veraId = signedUp.body.user.id as string;
    await thread(p.owner.client, `@[${veraId}] welcome`);
    await settle();
    expect(notificationsTo(address)).toHaveLength(0);

    const first = await smtp.next(address, isVerificationEmail);
    expect(first.subject).toBe('Bekräfta din e-postadress för Samverka');
    tokens.push(tokenOf(firstLink(first.text)));
    expect((await vera.post('/api/auth/verify-email/resend')).status).toBe(204);
    const second = await smtp.next(address, isVerificationEmail);
    const link = firstLink(second.text);
    tokens.push(tokenOf(link));
    expect(second.html).toContain(`href="${link.replaceAll('&', '&amp;')}"`);

    const page = await fetch(onServer(link));
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await page.text()).toContain('Bekräfta att');
    expect((await vera.get('/api/me')).body.user.emailVerified).toBe(false);

    const path = new URL(link).pathname + new URL(link).search;
    const confirmed = await new ApiClient(base).post(path);
    expect(confirmed.status).toBe(200);
    expect((await vera.get('/api/me')).body.user.emailVerified).toBe(true);
    expect((await new ApiClient(base).post(path)).status).toBe(400);
    // The first link died with the confirmation.
    const older = new URL(firstLink(first.text));
    expect((await new ApiClient(base).post(older.pathname + older.search)).status).toBe(400);
    expect((await vera.post('/api/partnerships', create)).status).toBe(201);
    // A confirmation POST from a foreign origin is refused like every other.
    expect((await new ApiClient(base, 'http://evil.example').post(path)).body.error.id).toBe('csrf_rejected');
  });

  it('keeps sending to others when one mailbox refuses, retries it after the lease, and gives it up after three days', async () => {
    const bo = await addConfirmedMember(p, t.server.url, smtp, { name: 'Bo', role: 'viewer', tokens });
    smtp.refuse(bo.email);
    await thread(p.owner.client, `@[${bo.userId}] and @[${maja.userId}] both`);
    await smtp.next(maja.email, (email) => isNotificationEmail(email) && email.text.includes('both'));
    await t.server.notifications.idle();
    expect(t.logs.some((line) => line.includes('notification emails failed'))).toBe(true);
    const pendingOfBo = async () => {
      const database = openDataDir(t.dataDir);
      try {
        const rows = await database.db
          .selectFrom('notification_queue')
          .selectAll()
          .where('user_id', '=', bo.userId)
          .execute();
        return rows.filter((row) => row.done_at === null).length;
      } finally {
        await database.close();
      }
    };
    expect(await pendingOfBo()).toBe(1);
    clockAhead = 4 * DAY_MS;
    try {
      // The lease has ended: tried again, refused again, and this time given up.
      await t.server.notifications.tick();
    } finally {
      clockAhead = 0;
    }
    expect(await pendingOfBo()).toBe(0);
    expect(t.logs.some((line) => line.includes('given up after three days'))).toBe(true);
  });

  it('never writes a verification, invitation or unsubscribe token to the log', () => {
    expect(tokens.length).toBeGreaterThanOrEqual(10);
    expect(t.logs.some((line) => line.includes('"email sent"'))).toBe(true);
    expect(t.logs.some((line) => line.includes('/api/email/unsubscribe'))).toBe(true);
    expect(t.logs.some((line) => line.includes('/api/email/verify'))).toBe(true);
    for (const token of tokens) expect(t.logs.filter((line) => line.includes(token))).toEqual([]);
  });
});

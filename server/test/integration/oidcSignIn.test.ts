// biome-ignore-all lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.ts';
import { ApiClient } from '../support/apiClient.ts';
import { firstLink, isVerificationEmail } from '../support/confirmedAccounts.ts';
import { OidcBrowserWalk } from '../support/oidcBrowserWalk.ts';
import { createTestDatabase } from '../support/postgres.ts';
import type { ServerProcess } from '../support/serverProcess.ts';
import { type SmtpCapture, startSmtpCapture } from '../support/smtpCapture.ts';
import {
  startTwoProviderWorld,
  type TestOpenIdProvider,
  type TwoProviderWorld,
} from '../support/testOpenIdProvider.ts';

const PASSWORD = 'correct horse battery staple';

/** Every code, state and cookie value a test saw, so the last test can look for them in the server's log. */
const secretsSeen = new Set<string>();

function remember(callbackUrl: string): URL {
  const url = new URL(callbackUrl);
  for (const key of ['code', 'state']) {
    const value = url.searchParams.get(key);
    if (value) secretsSeen.add(value);
  }
  return url;
}

/** Where a redirect sends the browser, as path and query on Samverka. */
function landing(response: Response): { path: string; query: URLSearchParams } {
  const location = new URL(response.headers.get('location') ?? '', 'http://samverka.invalid');
  return { path: location.pathname, query: location.searchParams };
}

/** SQLite, and PostgreSQL in a database of its own: the identity, attempt and link tables on both dialects. */
const STORAGES = [
  { name: 'SQLite', database: async () => ({ url: undefined as string | undefined, drop: async () => {} }) },
  { name: 'PostgreSQL', database: () => createTestDatabase('oidc') },
];

describe.each(STORAGES)('OpenID Connect sign-in against two real providers (oidc-provider), on $name', (storage) => {
  let world: TwoProviderWorld;
  let server: ServerProcess;
  let database: { url: string | undefined; drop(): Promise<void> };
  let uni: TestOpenIdProvider;
  let partner: TestOpenIdProvider;
  const start = (provider: string, query = '') => `${server.origin}/api/auth/oidc/${provider}/start${query}`;

  async function me(walk: OidcBrowserWalk): Promise<any> {
    const client = new ApiClient(server.origin, server.origin);
    client.cookie = walk.sessionCookie(server.origin);
    if (client.cookie) secretsSeen.add(client.cookie.split('=')[1] ?? '');
    return client.get('/api/me');
  }

  beforeAll(async () => {
    database = await storage.database();
    const databaseEnv: Record<string, string> = database.url ? { DATABASE_URL: database.url } : {};
    // Debug: the most the server ever logs; none of it may carry a code, state, token or secret.
    world = await startTwoProviderWorld({ ...databaseEnv, LOG_LEVEL: 'debug' });
    ({ server, uni, partner } = world);
    secretsSeen.add(uni.plan.clientSecret).add(partner.plan.clientSecret);
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
    await database?.drop();
  });

  it('lists both providers for the sign-in page, in configured order', async () => {
    const answer = await new ApiClient(server.origin).get('/api/auth/oidc/providers');
    expect(answer.body).toEqual({
      providers: [
        { id: 'uni', name: 'Uppsala University' },
        { id: 'partner', name: 'Acme AB' },
      ],
    });
  });

  it('signs a new person in through each provider, side by side, and the same subject again into the same account', async () => {
    uni.addIdentity({ login: 'ada', email: 'ada@uni.example', name: 'Ada Uni' });
    partner.addIdentity({ login: 'ada', email: 'ada@acme.example', name: 'Ada Acme' });
    const first = new OidcBrowserWalk();
    const back = await first.request(remember(await first.untilCallback(start('uni', '?next=/p/abc'), 'ada')).href);
    expect(back.status).toBe(302);
    expect(landing(back).path).toBe('/p/abc');
    const atUni = await me(first);
    expect(atUni.status).toBe(200);
    expect(atUni.body.user).toMatchObject({ email: 'ada@uni.example', name: 'Ada Uni' });

    // The same login name at the other provider is another subject there: another person here.
    const second = new OidcBrowserWalk();
    await second.request(remember(await second.untilCallback(start('partner'), 'ada')).href);
    const atPartner = await me(second);
    expect(atPartner.body.user).toMatchObject({ email: 'ada@acme.example', name: 'Ada Acme' });
    expect(atPartner.body.user.id).not.toBe(atUni.body.user.id);

    const again = new OidcBrowserWalk();
    const returned = await again.request(remember(await again.untilCallback(start('uni'), 'ada')).href);
    expect(landing(returned).path).toBe('/p');
    expect((await me(again)).body.user.id).toBe(atUni.body.user.id);
  }, 60_000);

  it('refuses a callback whose state is not the one this browser started with, and signs nobody in', async () => {
    uni.addIdentity({ login: 'eve', email: 'eve@uni.example', name: 'Eve' });
    const walk = new OidcBrowserWalk();
    const callback = remember(await walk.untilCallback(start('uni'), 'eve'));
    const forged = new URL(callback);
    forged.searchParams.set('state', 'a-state-this-browser-never-had');
    const refused = await walk.request(forged.href);
    expect(refused.status).toBe(302);
    expect(landing(refused)).toMatchObject({ path: '/login' });
    expect(landing(refused).query.get('oidc_error')).toBe('oidc_state_invalid');
    expect(walk.sessionCookie(server.origin)).toBeUndefined();

    // The genuine callback URL in another browser (login CSRF: an attacker's code pushed on a victim).
    const victim = new OidcBrowserWalk();
    const pushed = await victim.request(callback.href);
    expect(landing(pushed).query.get('oidc_error')).toBe('oidc_state_invalid');
    expect(victim.sessionCookie(server.origin)).toBeUndefined();
  }, 60_000);

  it('refuses a replayed callback, and a used code under a fresh state with a clear error id', async () => {
    uni.addIdentity({ login: 'rex', email: 'rex@uni.example', name: 'Rex' });
    const walk = new OidcBrowserWalk();
    const callback = remember(await walk.untilCallback(start('uni'), 'rex'));
    expect(landing(await walk.request(callback.href)).path).toBe('/p');

    const replayed = await walk.request(callback.href);
    expect(landing(replayed).query.get('oidc_error')).toBe('oidc_state_invalid');

    // A fresh round trip's state, but the code already redeemed: only the provider can refuse it.
    const fresh = new OidcBrowserWalk();
    const freshCallback = remember(await fresh.untilCallback(start('uni'), 'rex'));
    freshCallback.searchParams.set('code', callback.searchParams.get('code') ?? '');
    const reused = await fresh.request(freshCallback.href);
    expect(landing(reused).query.get('oidc_error')).toBe('oidc_code_rejected');
    expect(fresh.sessionCookie(server.origin)).toBeUndefined();
  }, 60_000);

  it('links an existing account with the same email only after its password sign-in, then signs straight in', async () => {
    const owner = new ApiClient(server.origin, server.origin);
    const created = await owner.post('/api/auth/signup', {
      email: 'carol@uni.example',
      password: PASSWORD,
      name: 'Carol',
    });
    expect(created.status).toBe(201);
    uni.addIdentity({ login: 'carol', email: 'carol@uni.example', name: 'Carol at Uni' });

    const walk = new OidcBrowserWalk();
    const offered = await walk.request(remember(await walk.untilCallback(start('uni'), 'carol')).href);
    expect(landing(offered).path).toBe('/login');
    // No email in the address: it would tell whoever reads the URL that an account has it.
    expect(Object.fromEntries(landing(offered).query)).toEqual({ oidc_link: 'uni' });
    expect(walk.sessionCookie(server.origin)).toBeUndefined();

    // A wrong password links nothing; the right one, in the same browser, makes the link.
    const wrong = await walk.postJson(`${server.origin}/api/auth/login`, {
      email: 'carol@uni.example',
      password: 'nope nope nope',
    });
    expect(wrong.status).toBe(401);
    const proved = await walk.postJson(`${server.origin}/api/auth/login`, {
      email: 'carol@uni.example',
      password: PASSWORD,
    });
    expect(proved.status).toBe(200);

    const later = new OidcBrowserWalk();
    const straight = await later.request(remember(await later.untilCallback(start('uni'), 'carol')).href);
    expect(landing(straight).path).toBe('/p');
    expect((await me(later)).body.user).toMatchObject({ id: created.body.user.id, name: 'Carol' });
  }, 60_000);

  it('sends the browser only to a path on this site after signing in, whatever `next` says', async () => {
    uni.addIdentity({ login: 'nora', email: 'nora@uni.example', name: 'Nora' });
    const arrive = async (next: string) => {
      const walk = new OidcBrowserWalk();
      const back = await walk.request(remember(await walk.untilCallback(start('uni', `?next=${next}`), 'nora')).href);
      expect(back.status).toBe(302);
      return back.headers.get('location');
    };
    // Tab, newline and backslash: browsers drop the first two and read the third as `/`, so each is `//evil.example`.
    for (const next of [
      '/%09/evil.example',
      '/%0a/evil.example',
      '/%5cevil.example',
      '//evil.example',
      'https://evil.example',
    ]) {
      expect({ next, location: await arrive(next) }).toEqual({ next, location: '/p' });
    }
    expect(await arrive(encodeURIComponent('/p/abc?x=1#h'))).toBe('/p/abc?x=1#h');
  }, 120_000);

  it('offers no link to an account when the provider has not verified the email, and answers as if none had it', async () => {
    const hal = new ApiClient(server.origin, server.origin);
    expect(
      (await hal.post('/api/auth/signup', { email: 'hal@uni.example', password: PASSWORD, name: 'Hal' })).status,
    ).toBe(201);
    uni.addIdentity({ login: 'hal', email: 'hal@uni.example', name: 'Hal', emailVerified: false });
    uni.addIdentity({ login: 'ina', email: 'ina@uni.example', name: 'Ina', emailVerified: false });
    const answers = [];
    for (const login of ['hal', 'ina']) {
      const walk = new OidcBrowserWalk();
      const back = await walk.request(remember(await walk.untilCallback(start('uni'), login)).href);
      expect(walk.sessionCookie(server.origin)).toBeUndefined();
      answers.push({ path: landing(back).path, query: Object.fromEntries(landing(back).query) });
    }
    expect(answers[0]).toEqual({ path: '/login', query: { oidc_error: 'oidc_email_unverified' } });
    expect(answers[1]).toEqual(answers[0]);
  }, 60_000);

  it('does not link when the browser signs in to another account than the one whose email matched', async () => {
    const dan = new ApiClient(server.origin, server.origin);
    expect(
      (await dan.post('/api/auth/signup', { email: 'dan@uni.example', password: PASSWORD, name: 'Dan' })).status,
    ).toBe(201);
    const mallory = new ApiClient(server.origin, server.origin);
    expect(
      (await mallory.post('/api/auth/signup', { email: 'mallory@uni.example', password: PASSWORD, name: 'M' })).status,
    ).toBe(201);
    uni.addIdentity({ login: 'dan', email: 'dan@uni.example', name: 'Dan' });

    const walk = new OidcBrowserWalk();
    await walk.request(remember(await walk.untilCallback(start('uni'), 'dan')).href);
    await walk.postJson(`${server.origin}/api/auth/login`, { email: 'mallory@uni.example', password: PASSWORD });

    const later = new OidcBrowserWalk();
    const again = await later.request(remember(await later.untilCallback(start('uni'), 'dan')).href);
    expect(landing(again).query.get('oidc_link')).toBe('uni');
    expect(later.sessionCookie(server.origin)).toBeUndefined();
  }, 60_000);

  it("exports the linked identity with the account's data, and deleting the account removes the link", async () => {
    uni.addIdentity({ login: 'gus', email: 'gus@uni.example', name: 'Gus' });
    const gus = new ApiClient(server.origin, server.origin);
    expect(
      (await gus.post('/api/auth/signup', { email: 'gus@uni.example', password: PASSWORD, name: 'Gus' })).status,
    ).toBe(201);
    const walk = new OidcBrowserWalk();
    await walk.request(remember(await walk.untilCallback(start('uni'), 'gus')).href);
    expect(
      (await walk.postJson(`${server.origin}/api/auth/login`, { email: 'gus@uni.example', password: PASSWORD })).status,
    ).toBe(200);

    const exported = await gus.get('/api/me/export');
    expect(exported.body.singleSignOn).toEqual([expect.objectContaining({ provider: 'uni', subject: 'gus' })]);
    expect((await gus.request('DELETE', '/api/me', { password: PASSWORD })).status).toBe(204);
    const opened = openDatabase({ dataDir: server.dataDir, databaseUrl: database.url });
    try {
      const links = await opened.db.selectFrom('oidc_identities').selectAll().where('subject', '=', 'gus').execute();
      expect(links).toEqual([]);
    } finally {
      await opened.close();
    }
  }, 60_000);

  it('never writes a code, state, session token or client secret to its log', async () => {
    expect(secretsSeen.size).toBeGreaterThan(10);
    expect(server.log).toContain('signed in through OpenID Connect');
    const leaked = [...secretsSeen].filter((secret) => secret.length >= 8 && server.log.includes(secret));
    expect(leaked).toEqual([]);
  });
});

/** With email sent, an account's address counts for linking only once its owner confirmed it. */
describe('OpenID Connect linking on a server that sends email', () => {
  let world: TwoProviderWorld;
  let smtp: SmtpCapture;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    world = await startTwoProviderWorld({ SMTP_URL: smtp.url, MAIL_FROM: 'Samverka <samverka@uni.example>' });
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
    await smtp?.stop();
  });

  it('offers no link to an account whose address is unconfirmed, and offers it once the address is confirmed', async () => {
    const { server, uni } = world;
    const arrive = async () => {
      const walk = new OidcBrowserWalk();
      const back = await walk.request(await walk.untilCallback(`${server.origin}/api/auth/oidc/uni/start`, 'una'));
      expect(walk.sessionCookie(server.origin)).toBeUndefined();
      return Object.fromEntries(landing(back).query);
    };
    // Someone signs up with an address they may not own; the provider vouches for its real owner.
    const squatter = new ApiClient(server.origin, server.origin);
    expect(
      (await squatter.post('/api/auth/signup', { email: 'una@uni.example', password: PASSWORD, name: 'Una' })).status,
    ).toBe(201);
    uni.addIdentity({ login: 'una', email: 'una@uni.example', name: 'Una' });
    expect(await arrive()).toEqual({ oidc_error: 'oidc_email_unverified' });

    const link = new URL(firstLink((await smtp.next('una@uni.example', isVerificationEmail)).text));
    expect((await squatter.post(link.pathname + link.search)).status).toBe(200);
    expect(await arrive()).toEqual({ oidc_link: 'uni' });
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/apiClient.ts';
import { OidcBrowserWalk } from '../support/oidcBrowserWalk.ts';
import { startPolicyServer } from '../support/policyServer.ts';
import type { ServerProcess } from '../support/serverProcess.ts';
import {
  startTwoProviderWorld,
  type TestOpenIdProvider,
  type TwoProviderWorld,
} from '../support/testOpenIdProvider.ts';

/**
 * New accounts through a provider obey SIGNUP like password sign-ups, judged on the provider's
 * verified email; an invitation lets its invitee in. `partner` is configured to vouch for emails
 * (`OIDC_PARTNER_TRUST_EMAIL=true`), as a SAML bridge does for `mail`.
 */
describe('OpenID Connect sign-up under SIGNUP=domains', () => {
  let world: TwoProviderWorld;
  let server: ServerProcess;
  let uni: TestOpenIdProvider;
  let partner: TestOpenIdProvider;

  async function arrive(provider: TestOpenIdProvider, login: string, query = '') {
    const walk = new OidcBrowserWalk();
    const start = `${server.origin}/api/auth/oidc/${provider.plan.id}/start${query}`;
    const back = await walk.request(await walk.untilCallback(start, login));
    const location = new URL(back.headers.get('location') ?? '', server.origin);
    return { path: location.pathname, error: location.searchParams.get('oidc_error'), walk };
  }

  beforeAll(async () => {
    world = await startTwoProviderWorld({
      OIDC_PARTNER_TRUST_EMAIL: 'true',
      SIGNUP: 'domains',
      SIGNUP_DOMAINS: 'uni.example',
    });
    ({ server, uni, partner } = world);
  }, 60_000);
  afterAll(() => world?.stop());

  it('creates an account for a verified address of a listed domain, compared without case', async () => {
    uni.addIdentity({ login: 'ulla', email: 'Ulla@UNI.example', name: 'Ulla' });
    const { path, walk } = await arrive(uni, 'ulla');
    expect(path).toBe('/p');
    const me = new ApiClient(server.origin);
    me.cookie = walk.sessionCookie(server.origin);
    expect((await me.get('/api/me')).body.user.email).toBe('ulla@uni.example');
  }, 60_000);

  it('refuses an address of another domain, and a subdomain trick', async () => {
    uni.addIdentity({ login: 'otto', email: 'otto@acme.example', name: 'Otto' });
    uni.addIdentity({ login: 'sly', email: 'sly@evil.uni.example', name: 'Sly' });
    expect((await arrive(uni, 'otto')).error).toBe('signup_not_allowed');
    expect((await arrive(uni, 'sly')).error).toBe('signup_not_allowed');
  }, 60_000);

  it('refuses an address the provider has not verified, unless the provider is trusted to vouch for emails', async () => {
    uni.addIdentity({ login: 'vera', email: 'vera@uni.example', name: 'Vera', emailVerified: false });
    expect((await arrive(uni, 'vera')).error).toBe('oidc_email_unverified');
    partner.addIdentity({ login: 'vera', email: 'vera@uni.example', name: 'Vera', emailVerified: false });
    expect((await arrive(partner, 'vera')).path).toBe('/p');
  }, 60_000);

  it('lets an invitee of another domain in when they start from their invitation', async () => {
    const owner = new ApiClient(server.origin, server.origin);
    const signedUp = await owner.post('/api/auth/signup', {
      email: 'owner@uni.example',
      password: 'correct horse battery staple',
      name: 'Owner',
    });
    expect(signedUp.status).toBe(201);
    const created = await owner.post('/api/partnerships', {
      name: 'P',
      universityName: 'U',
      partnerName: 'Acme',
      side: 'university',
    });
    const invited = await owner.post(`/api/partnerships/${created.body.partnership.id}/invitations`, {
      email: 'ivy@acme.example',
      role: 'editor',
      side: 'partner',
    });
    const token = (invited.body.url as string).split('/').pop() as string;
    partner.addIdentity({ login: 'ivy', email: 'ivy@acme.example', name: 'Ivy' });
    partner.addIdentity({ login: 'ian', email: 'ian@acme.example', name: 'Ian' });

    // Someone else with the link is still refused: the invitation is for ivy's address.
    expect((await arrive(partner, 'ian', `?invitation=${token}`)).error).toBe('signup_not_allowed');
    const ivy = await arrive(partner, 'ivy', `?invitation=${token}&next=${encodeURIComponent(`/invite/${token}`)}`);
    expect(ivy.error).toBeNull();
    expect(ivy.path).toBe(`/invite/${token}`);
  }, 60_000);
});

describe('OpenID Connect start, per address', () => {
  it('is limited like sign-up: each start stores a round trip, so one address cannot fill the table', async () => {
    const t = await startPolicyServer({
      RATE_LIMIT_PER_IP: '3',
      OIDC_PROVIDERS: 'uni',
      // Nothing answers here: each start ends at the log-in page (provider unavailable), after counting.
      OIDC_UNI_ISSUER: 'http://127.0.0.1:9/idp',
      OIDC_UNI_CLIENT_ID: 'samverka',
      OIDC_UNI_NAME: 'Uni',
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await fetch(`${t.server.url}/api/auth/oidc/uni/start`, { redirect: 'manual' });
        await response.body?.cancel();
        statuses.push(response.status);
      }
      expect(statuses).toEqual([302, 302, 302, 429]);
    } finally {
      await t.dispose();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, signUp } from '../support/apiClient.ts';
import { type PolicyServer, startPolicyServer } from '../support/policyServer.ts';

describe('accounts and sessions', () => {
  let t: PolicyServer;
  let base: string;

  beforeAll(async () => {
    t = await startPolicyServer();
    base = t.server.url;
  });
  afterAll(() => t.dispose());

  it('signs up, reads /api/me, logs out and in again', async () => {
    const client = new ApiClient(base);
    const signup = await client.post('/api/auth/signup', {
      email: '  Ada@Example.ORG ',
      password: 'a long enough passphrase',
      name: 'Ada',
    });
    expect(signup.status).toBe(201);
    expect(signup.body.user.email).toBe('ada@example.org');
    const cookieHeader = signup.headers.get('set-cookie') ?? '';
    expect(cookieHeader).toMatch(/^samverka_session=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+;/);
    expect(cookieHeader).toMatch(/HttpOnly/);
    expect(cookieHeader).toMatch(/SameSite=Lax/);
    expect(cookieHeader).toMatch(/Path=\//);
    // Plain-http localhost: a Secure cookie would never be sent back.
    expect(cookieHeader).not.toMatch(/Secure/);
    expect((await client.get('/api/me')).body.user.name).toBe('Ada');

    expect((await client.get('/api/session')).body.user.name).toBe('Ada');

    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/me')).status).toBe(401);
    // The app's own question answers 200 either way: being signed out is not an error.
    const signedOut = await client.get('/api/session');
    expect(signedOut.status).toBe(200);
    expect(signedOut.body.user).toBeNull();

    const wrong = await client.post('/api/auth/login', { email: 'ada@example.org', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.id).toBe('invalid_credentials');
    const login = await client.post('/api/auth/login', {
      email: 'ADA@example.org',
      password: 'a long enough passphrase',
    });
    expect(login.status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('lists sessions, signs out everywhere else, and a password change ends the other sessions', async () => {
    const first = await signUp(base, 'Sessions');
    const second = new ApiClient(base);
    await second.post('/api/auth/login', { email: first.email, password: 'correct horse battery staple' });
    const third = new ApiClient(base);
    await third.post('/api/auth/login', { email: first.email, password: 'correct horse battery staple' });
    const list = await first.client.get('/api/sessions');
    expect(list.body.sessions).toHaveLength(3);
    expect(list.body.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);

    const ended = await first.client.delete('/api/sessions/others');
    expect(ended.body.ended).toBe(2);
    expect((await second.get('/api/me')).status).toBe(401);
    expect((await first.client.get('/api/me')).status).toBe(200);

    await second.post('/api/auth/login', { email: first.email, password: 'correct horse battery staple' });
    const changed = await first.client.post('/api/auth/password', {
      currentPassword: 'correct horse battery staple',
      newPassword: 'an entirely new passphrase',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.ended).toBe(1);
    expect((await second.get('/api/me')).status).toBe(401);
    expect((await first.client.get('/api/me')).status).toBe(200);
    const relogin = await second.post('/api/auth/login', {
      email: first.email,
      password: 'an entirely new passphrase',
    });
    expect(relogin.status).toBe(200);
  });

  it('refuses unsafe requests without an allowed Origin, and accepts Sec-Fetch-Site: same-origin', async () => {
    const foreign = new ApiClient(base, 'http://evil.example');
    const refused = await foreign.post('/api/auth/signup', {
      email: 'x@example.org',
      password: 'long enough pw 1',
      name: 'X',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.id).toBe('csrf_rejected');
    const none = new ApiClient(base, null);
    expect((await none.post('/api/auth/logout')).status).toBe(403);
    const sameSite = await none.request('POST', '/api/auth/logout', undefined, { 'sec-fetch-site': 'same-origin' });
    expect(sameSite.status).toBe(204);
  });

  it('sends security headers on API answers and pages', async () => {
    for (const path of ['/api/me', '/healthz', '/api/docs']) {
      const answer = await fetch(base + path);
      const csp = answer.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBeTruthy();
    }
  });

  it('marks the cookie Secure when the public URL is https', async () => {
    const secure = await startPolicyServer({ PUBLIC_URL: 'https://samverka.example' });
    try {
      const answer = await new ApiClient(secure.server.url, 'https://samverka.example').post('/api/auth/signup', {
        email: 'secure@example.org',
        password: 'a long enough passphrase',
        name: 'S',
      });
      expect(answer.status).toBe(201);
      expect(answer.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await secure.dispose();
    }
  });

  it('serves an OpenAPI 3.1 description generated from the schemas, and a readable page', async () => {
    const spec = await new ApiClient(base).get('/api/openapi.json');
    expect(spec.body.openapi).toBe('3.1.0');
    const signup = spec.body.paths['/api/auth/signup'].post;
    expect(signup.requestBody.content['application/json'].schema.required).toEqual(['email', 'password', 'name']);
    expect(spec.body.paths['/api/partnerships/{id}/members/{userId}'].patch).toBeDefined();
    const page = await fetch(`${base}/api/docs`);
    const html = await page.text();
    expect(html).toContain('/api/partnerships/:id/invitations');
    expect(html).not.toContain('<script');
  });
});

import { ErrorId } from '@samverka/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/auth/sessionTokens.ts';
import { randomId } from '../../src/ids.ts';
import { signUp, TEST_ORIGIN } from '../support/apiClient.ts';
import { openDataDir, startTestServer, type TestServer } from '../support/testServer.ts';

/** Failed token guesses one address may make per window in this file's server. */
const PER_IP = 3;

/**
 * One-click unsubscribes (RFC 8058) arrive from mail providers' servers, one address for many
 * recipients: a genuine token must always work, while wrong ones are counted per address.
 */
describe('unsubscribe budget: wrong tokens are counted per address, genuine ones never refused', () => {
  let t: TestServer;
  let url: (token: string) => string;

  /** A live unsubscribe token for a new account, stored as the server stores one (only its hash). */
  const liveToken = async () => {
    const person = await signUp(t.server.url, 'Holder');
    const token = randomId(32);
    const database = openDataDir(t.dataDir);
    try {
      const now = Date.now();
      await database.db
        .insertInto('unsubscribe_tokens')
        .values({ token_hash: sha256Hex(token), user_id: person.userId, created_at: now, expires_at: now + 60_000 })
        .execute();
    } finally {
      await database.close();
    }
    return { person, token };
  };
  /** A mail provider's one-click POST: no cookie, no Origin. */
  const oneClick = (token: string) =>
    fetch(url(token), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
  const forged = () => 'x'.repeat(20) + randomId(16);

  beforeAll(async () => {
    t = await startTestServer({ env: { ALLOWED_ORIGINS: TEST_ORIGIN, RATE_LIMIT_PER_IP: String(PER_IP) } });
    url = (token) => `${t.server.url}/api/email/unsubscribe?token=${token}`;
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('lets many genuine one-click POSTs through from one address, past the per-address limit', async () => {
    const holders = await Promise.all([liveToken(), liveToken()]);
    const statuses: number[] = [];
    for (let round = 0; round < PER_IP + 2; round += 1) {
      for (const { token } of holders) statuses.push((await oneClick(token)).status);
    }
    expect(statuses).toEqual(Array((PER_IP + 2) * holders.length).fill(200));
    for (const { person } of holders) {
      expect((await person.client.get('/api/me')).body.user.notifications).toBe('off');
    }
  });

  it('throttles wrong tokens per address on the POST and the page, and a genuine token still works after', async () => {
    const guesses: number[] = [];
    for (let guess = 0; guess < PER_IP; guess += 1) guesses.push((await oneClick(forged())).status);
    expect(guesses).toEqual(Array(PER_IP).fill(400));

    const refused = await oneClick(forged());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { id: string } }).error.id).toBe(ErrorId.RATE_LIMITED);
    // The page (GET) answers a wrong token from the same budget: guessing there is no way round it.
    expect((await fetch(url(forged()))).status).toBe(429);

    const { person, token } = await liveToken();
    expect((await fetch(url(token))).status).toBe(200);
    expect((await oneClick(token)).status).toBe(200);
    expect((await person.client.get('/api/me')).body.user.notifications).toBe('off');
  });
});

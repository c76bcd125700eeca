import http from 'node:http';
import { ErrorId } from '@samverka/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from '../support/testAccounts.ts';
import { type AbuseSetup, expectWithinBounds, startAbuseSetup, Watch } from './abuseHarness.ts';

/** One server for the file: the cases use different emails, addresses and counters. */
let setup: AbuseSetup;

beforeAll(async () => {
  setup = await startAbuseSetup();
});
afterAll(async () => {
  await setup?.stop();
});

const PASSWORD = 'correct horse battery staple'; // what testAccounts signs everyone up with

/** Two loopback addresses: the victim's and a stranger's (Linux routes all of 127/8 to lo). */
const OWN_ADDRESS = '127.0.0.1';
const STRANGER_ADDRESS = '127.0.0.2';

/** A JSON POST from a chosen source address, as a browser on the app's origin would send it. */
function postFrom(
  address: string,
  path: string,
  body: unknown,
): Promise<{ status: number; id?: string; ms: number; retryAfter?: string }> {
  const server = setup;
  const payload = JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.server.port,
        localAddress: address,
        method: 'POST',
        path,
        headers: { origin: server.server.origin, 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            id: text ? (JSON.parse(text) as { error?: { id: string } }).error?.id : undefined,
            ms: performance.now() - started,
            retryAfter: res.headers['retry-after'] as string | undefined,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('abuse: locking people out', () => {
  it('20 wrong passwords from a stranger’s address slow the stranger, not the owner’s own login', async () => {
    const watch = await Watch.start(setup);
    const victim = setup.editor.email;
    const guesses = [];
    for (let i = 0; i < 20; i++) {
      guesses.push(
        await postFrom(STRANGER_ADDRESS, '/api/auth/login', { email: victim, password: `guess number ${i}` }),
      );
    }
    // Wrong every time; past the free failures each guess waits longer, then the stranger gets 429.
    for (const guess of guesses) expect([401, 429]).toContain(guess.status);
    expect(guesses.slice(0, 5).every((g) => g.status === 401)).toBe(true);
    const slowed = guesses.filter((g) => g.status === 401).slice(5);
    expect(slowed.length).toBeGreaterThan(0);
    // A lower bound on time holds on any machine: the sixth guess waited at least the base delay.
    expect((slowed[0] as { ms: number }).ms).toBeGreaterThanOrEqual(100);
    expect(guesses.at(-1)).toMatchObject({ status: 429, id: ErrorId.RATE_LIMITED });

    // The owner, from her own address, is let in with the right password at once (no wait, no 429).
    const own = await postFrom(OWN_ADDRESS, '/api/auth/login', { email: victim, password: PASSWORD });
    expect(own.status).toBe(200);
    // And the stranger still cannot use the right password either: that address is slowed for this account.
    const strangerRight = await postFrom(STRANGER_ADDRESS, '/api/auth/login', { email: victim, password: PASSWORD });
    expect(strangerRight.status).toBe(429);
    expectWithinBounds(await watch.stop());
  });

  it('20 sign-ups that fail validation do not block the email’s owner from signing up', async () => {
    const watch = await Watch.start(setup);
    const email = uniqueEmail('future-member');
    for (let i = 0; i < 20; i++) {
      const res = await postFrom(OWN_ADDRESS, '/api/auth/signup', { email, password: 'password123', name: 'Not Me' });
      expect(res).toMatchObject({ status: 400, id: ErrorId.PASSWORD_TOO_COMMON });
    }
    const owner = await postFrom(OWN_ADDRESS, '/api/auth/signup', { email, password: PASSWORD, name: 'The Owner' });
    expect(owner.status).toBe(201);
    expectWithinBounds(await watch.stop());
  });

  it('tells one address that an email is taken only a few times, then refuses its sign-ups whatever the email', async () => {
    const taken = setup.viewer.email;
    for (let i = 0; i < 10; i++) {
      const res = await postFrom(STRANGER_ADDRESS, '/api/auth/signup', { email: taken, password: PASSWORD, name: 'X' });
      expect(res).toMatchObject({ status: 409, id: ErrorId.EMAIL_TAKEN });
    }
    const probeTaken = await postFrom(STRANGER_ADDRESS, '/api/auth/signup', {
      email: taken,
      password: PASSWORD,
      name: 'X',
    });
    const probeFree = await postFrom(STRANGER_ADDRESS, '/api/auth/signup', {
      email: uniqueEmail('free'),
      password: PASSWORD,
      name: 'X',
    });
    // Both answers are the same 429: the refusal reveals nothing about either email.
    expect(probeTaken).toMatchObject({ status: 429, id: ErrorId.RATE_LIMITED });
    expect(probeFree).toMatchObject({ status: 429, id: ErrorId.RATE_LIMITED });
    // Someone else, from another address, signs up as usual.
    const other = await postFrom(OWN_ADDRESS, '/api/auth/signup', {
      email: uniqueEmail('other'),
      password: PASSWORD,
      name: 'Y',
    });
    expect(other.status).toBe(201);
  });
});

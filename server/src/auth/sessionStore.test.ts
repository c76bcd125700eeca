import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccessResolver } from '../access/accessResolver.ts';
import { type Database, openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrations.ts';
import { sessionAuth } from './requestAuth.ts';
import { SESSION_COOKIE } from './sessionCookie.ts';
import { SESSION_INACTIVITY_MS, SessionStore } from './sessionStore.ts';
import { constantTimeEqualHex, generateSessionToken, parseSessionToken, sha256Hex } from './sessionTokens.ts';

describe('session tokens', () => {
  it('are <id>.<secret> and store only the SHA-256 of the secret', () => {
    const fresh = generateSessionToken();
    expect(fresh.token).toBe(`${fresh.id}.${fresh.secret}`);
    expect(fresh.secretHash).toBe(sha256Hex(fresh.secret));
    expect(fresh.secretHash).not.toContain(fresh.secret);
    expect(parseSessionToken(fresh.token)).toEqual({ id: fresh.id, secret: fresh.secret });
    expect(generateSessionToken().token).not.toBe(fresh.token);
  });

  it('refuses malformed tokens', () => {
    for (const bad of [
      '',
      'nodot',
      'a.b',
      `${'a'.repeat(20)}.`,
      `.${'b'.repeat(40)}`,
      `${'a'.repeat(20)}.${'b'.repeat(40)}.c`,
    ]) {
      expect(parseSessionToken(bad)).toBeUndefined();
    }
  });

  it('compares hashes in constant time and only equal hashes match', () => {
    const hash = sha256Hex('secret');
    expect(constantTimeEqualHex(hash, sha256Hex('secret'))).toBe(true);
    expect(constantTimeEqualHex(hash, sha256Hex('Secret'))).toBe(false);
    expect(constantTimeEqualHex(hash, hash.slice(0, 10))).toBe(false);
    expect(constantTimeEqualHex('', '')).toBe(false);
  });
});

describe('SessionStore (real SQLite)', () => {
  let dir: string;
  let database: Database;
  let now: number;
  let store: SessionStore;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-sessions-'));
    database = openDatabase({ dataDir: dir });
    await migrateToLatest(database.db, database.dialect);
    await database.db
      .insertInto('users')
      .values({ id: 'u1', email: 'u1@example.org', name: 'U', password_hash: 'x', created_at: 0 })
      .execute();
    now = 1_000_000_000_000;
    store = new SessionStore(database.db, () => now);
  });
  afterEach(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores no token, only a hash, and validates the token it handed out', async () => {
    const { token, session } = await store.create('u1', 'agent');
    const rows = await database.db.selectFrom('sessions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token.split('.')[1]);
    expect((await store.validate(token))?.session.id).toBe(session.id);
    const [id] = token.split('.');
    expect(await store.validate(`${id}.${'x'.repeat(43)}`)).toBeUndefined();
  });

  it('re-issues the cookie exactly when the expiry slides, so the browser keeps it too', async () => {
    const { token } = await store.create('u1', null);
    const app = new Hono();
    app.use('*', sessionAuth(new AccessResolver(database.db, store), 'http://localhost:8787'));
    app.get('/me', (c) => c.text(c.get('identity')?.actor.userId ?? 'nobody'));
    const call = () => app.request('/me', { headers: { cookie: `${SESSION_COOKIE}=${token}` } });

    now += SESSION_INACTIVITY_MS / 4;
    const early = await call();
    expect(await early.text()).toBe('u1');
    expect(early.headers.get('set-cookie')).toBeNull();

    now += SESSION_INACTIVITY_MS / 2;
    const later = await call();
    expect(await later.text()).toBe('u1');
    const cookie = later.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`${SESSION_COOKIE}=${token}`);
    expect(cookie).toContain(`Max-Age=${Math.floor(SESSION_INACTIVITY_MS / 1000)}`);
  });

  it('slides the expiry forward only after half the lifetime, and ends idle sessions', async () => {
    const { token, session } = await store.create('u1', null);
    now += SESSION_INACTIVITY_MS / 4;
    expect((await store.validate(token))?.session.expires_at).toBe(session.expires_at);
    now += SESSION_INACTIVITY_MS / 2;
    const slid = await store.validate(token);
    expect(slid?.session.expires_at).toBe(now + SESSION_INACTIVITY_MS);
    now += SESSION_INACTIVITY_MS - 1;
    expect(await store.validate(token)).toBeDefined();
    now += SESSION_INACTIVITY_MS;
    expect(await store.validate(token)).toBeUndefined();
    expect(await database.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('ends every other session of a user', async () => {
    const keep = await store.create('u1', null);
    const other = await store.create('u1', null);
    expect(await store.deleteOthers('u1', keep.session.id)).toBe(1);
    expect(await store.validate(other.token)).toBeUndefined();
    expect(await store.validate(keep.token)).toBeDefined();
    expect((await store.listFor('u1')).map((s) => s.id)).toEqual([keep.session.id]);
  });
});

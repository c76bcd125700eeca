import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has defaults that need nothing else running', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8787);
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicUrl).toBe('http://localhost:8787');
    expect(config.allowedOrigins).toEqual(['http://localhost:8787']);
  });

  it('derives the Origin allow-list from PUBLIC_URL and ALLOWED_ORIGINS', () => {
    const config = loadConfig({
      PUBLIC_URL: 'https://samverka.example.se/',
      ALLOWED_ORIGINS: 'http://a.test, http://b.test',
    });
    expect(config.allowedOrigins).toEqual(['https://samverka.example.se', 'http://a.test', 'http://b.test']);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['PUBLIC_URL', 'not a url'],
    ['LOG_LEVEL', 'loud'],
    ['SYNC_MAX_FRAME_BYTES', '10'],
    ['SQLITE_SYNCHRONOUS', 'off'],
    ['REDIS_URL', 'http://redis:6379'],
    ['REDIS_PREFIX', 'has spaces'],
  ])('refuses a bad %s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('runs on Redis only with PostgreSQL: processes sharing Redis must share the database', () => {
    expect(loadConfig({}).redis).toBeUndefined();
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/REDIS_URL: needs DATABASE_URL/);
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://db/samverka' }).redis).toEqual({
      url: 'redis://127.0.0.1:6379',
      prefix: 'samverka',
    });
  });

  it('reads the sign-up policy: open by default, domains lower-cased, whole domains only', () => {
    expect(loadConfig({}).signup).toEqual({ mode: 'open', domains: [] });
    expect(loadConfig({ SIGNUP: 'invite-only' }).signup).toEqual({ mode: 'invite-only', domains: [] });
    expect(loadConfig({ SIGNUP: 'domains', SIGNUP_DOMAINS: ' Uni.SE ,partner.com,' }).signup).toEqual({
      mode: 'domains',
      domains: ['uni.se', 'partner.com'],
    });
  });

  it.each([
    [{ SIGNUP: 'closed' }, 'SIGNUP:'],
    [{ SIGNUP: 'domains' }, 'SIGNUP_DOMAINS:'],
    [{ SIGNUP: 'domains', SIGNUP_DOMAINS: '@uni.se' }, 'SIGNUP_DOMAINS:'],
    [{ SIGNUP: 'domains', SIGNUP_DOMAINS: '*.uni.se' }, 'SIGNUP_DOMAINS:'],
    [{ SIGNUP: 'domains', SIGNUP_DOMAINS: 'localhost' }, 'SIGNUP_DOMAINS:'],
    [{ SIGNUP: 'open', SIGNUP_DOMAINS: 'uni.se' }, 'SIGNUP_DOMAINS:'],
  ])('refuses the sign-up policy %o', (env, named) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(named);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(8787);
  });
});

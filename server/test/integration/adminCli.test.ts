import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../src/admin/adminCommands.ts';
import { loadConfig } from '../../src/config.ts';
import { ApiClient, TEST_ORIGIN } from '../support/apiClient.ts';
import { type PolicyServer, startPolicyServer } from '../support/policyServer.ts';

const NEW_PASSWORD = 'an operator-made passphrase';

describe('pnpm samverka user:* (the operators’ command line)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-admin-'));
  const config = loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'https://samverka.uni.example' });
  let server: PolicyServer;

  /** Runs one command in-process, as `pnpm samverka` would, returning its exit code and output. */
  async function run(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdminCommand(args, config, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  beforeAll(async () => {
    // The server runs invite-only beside the command line, over the same database.
    server = await startPolicyServer({ DATA_DIR: dataDir, SIGNUP: 'invite-only' });
  });
  afterAll(async () => {
    await server.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates an account whatever the sign-up policy, whose link sets its password once', async () => {
    const created = await run(
      'user:create',
      '--email',
      'Operator.Made@Uni.example',
      '--name',
      'Olga Operator',
      '--locale',
      'sv',
    );
    expect(created.code).toBe(0);
    expect(created.out).toContain('created operator.made@uni.example');
    const link = /(https:\/\/samverka\.uni\.example\/reset-password#\S+)/.exec(created.out)?.[1] ?? '';
    const token = new URL(link).hash.slice(1);
    const client = new ApiClient(server.server.url);
    expect((await client.post('/api/auth/password-reset/confirm', { token, newPassword: NEW_PASSWORD })).status).toBe(
      200,
    );
    const login = await client.post('/api/auth/login', { email: 'operator.made@uni.example', password: NEW_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user.locale).toBe('sv');
    expect((await run('user:create', '--email', 'operator.made@uni.example', '--name', 'Again')).code).toBe(64);
  });

  it('lists accounts, disables one (sessions end, no sign-in) and enables it again', async () => {
    const client = new ApiClient(server.server.url, TEST_ORIGIN);
    await client.post('/api/auth/login', { email: 'operator.made@uni.example', password: NEW_PASSWORD });
    expect((await client.get('/api/me')).status).toBe(200);

    expect((await run('user:disable', '--email', 'operator.made@uni.example')).code).toBe(0);
    expect((await client.get('/api/me')).status).toBe(401);
    const refused = await new ApiClient(server.server.url).post('/api/auth/login', {
      email: 'operator.made@uni.example',
      password: NEW_PASSWORD,
    });
    expect(refused.status).toBe(401);
    const list = await run('user:list');
    expect(list.out.split('\n')[0]).toBe('id\temail\tname\tcreated\tpartnerships\tstate');
    expect(list.out).toMatch(/operator\.made@uni\.example\tOlga Operator\t\d{4}-\d\d-\d\d\t0\tdisabled/);
    expect((await run('user:reset-password', '--email', 'operator.made@uni.example')).code).toBe(64);

    expect((await run('user:enable', '--email', 'operator.made@uni.example')).code).toBe(0);
    expect((await run('user:list')).out).toContain('\tactive');
  });

  it('prints a one-hour reset link that works once', async () => {
    const reset = await run('user:reset-password', '--email', 'operator.made@uni.example');
    expect(reset.code).toBe(0);
    const token = new URL(/(https:\S+)/.exec(reset.out)?.[1] ?? '').hash.slice(1);
    const client = new ApiClient(server.server.url);
    const body = { token, newPassword: 'a second operator passphrase' };
    expect((await client.post('/api/auth/password-reset/confirm', body)).status).toBe(200);
    expect((await client.post('/api/auth/password-reset/confirm', body)).status).toBe(400);
  });

  it('refuses unknown commands and emails with the usage and exit code 64', async () => {
    expect((await run('user:explode')).code).toBe(64);
    expect((await run('user:disable', '--email', 'nobody@uni.example')).err).toContain('no account');
    expect((await run('user:create', '--email', 'not-an-email', '--name', 'X')).code).toBe(64);
  });

  it('runs as `pnpm samverka` through its entry point', async () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'server/src/admin/main.ts', 'user:list'],
      {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir },
      },
    );
    expect(stdout).toContain('operator.made@uni.example');
  }, 60_000);
});

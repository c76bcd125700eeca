import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { freePort } from '../support/serverProcess.ts';
import { apiCall, createPartnership, signUp, type TestAccount, uniqueEmail } from '../support/testAccounts.ts';

describe('invitation links after a re-invite or a removal', () => {
  let server: RunningServer;
  let dataDir: string;
  let owner: TestAccount;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-reinvite-'));
    const port = await freePort();
    server = await startServer(loadConfig({ PORT: String(port), DATA_DIR: dataDir }), createLogger('silent'));
    owner = await signUp(server.url, 'Anna Lind');
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const invite = async (partnershipId: string, email: string, role: string) => {
    const res = await apiCall<{ url: string }>(owner, 'POST', `/api/partnerships/${partnershipId}/invitations`, {
      email,
      role,
      side: 'partner',
    });
    expect(res.status).toBe(201);
    return res.body.url.split('/').pop() as string;
  };
  const accept = (who: TestAccount, token: string) =>
    apiCall<{ error?: { id: string } }>(who, 'POST', `/api/invitations/${token}/accept`);

  it('only the newest link works, and a removed member cannot come back with an older one', async () => {
    const { id } = await createPartnership(owner);
    const email = uniqueEmail('alice');
    const older = await invite(id, email, 'owner');
    const newer = await invite(id, email, 'viewer');
    const alice = await signUp(server.url, 'Alice', email);

    const withOlder = await accept(alice, older);
    expect(withOlder.status).toBe(404);
    expect(withOlder.body.error?.id).toBe('invitation_not_found');
    expect((await accept(alice, newer)).status).toBe(200);

    const me = await apiCall<{ user: { id: string } }>(alice, 'GET', '/api/me');
    expect((await apiCall(owner, 'DELETE', `/api/partnerships/${id}/members/${me.body.user.id}`)).status).toBe(204);
    for (const token of [older, newer]) expect((await accept(alice, token)).status).toBeGreaterThanOrEqual(400);
    expect((await apiCall(alice, 'GET', `/api/partnerships/${id}`)).status).toBe(404);
    const pending = await apiCall<{ invitations: unknown[] }>(owner, 'GET', `/api/partnerships/${id}/invitations`);
    expect(pending.body.invitations).toEqual([]);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEntry, readEntries, registerEntries, SAMPLE_GOAL, SAMPLE_RISK, UTF8_BOM } from '@samverka/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { freePort } from '../support/serverProcess.ts';
import { connectClient, eventually, synced, type TestClient } from '../support/syncClient.ts';
import {
  addMember,
  createPartnership,
  signUp,
  type TestAccount,
  type TestPartnership,
} from '../support/testAccounts.ts';

const { id: _riskId, ...risk } = SAMPLE_RISK;
const { id: _goalId, ...goal } = SAMPLE_GOAL;

function validEntries(doc: Y.Doc, kind: 'goals' | 'risks') {
  return readEntries(doc, kind)
    .flatMap((reading) => (reading.ok ? [reading.entry] : []))
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe('register CSV export and import', () => {
  let server: RunningServer;
  let dataDir: string;
  let owner: TestAccount;
  let source: TestPartnership;
  let target: TestPartnership;
  const clients: TestClient[] = [];

  const connect = async (documentId: string): Promise<TestClient> => {
    const client = connectClient(server.url, documentId, undefined, {
      headers: { cookie: owner.cookie, origin: server.url },
    });
    clients.push(client);
    await synced(client);
    return client;
  };
  const call = (method: string, url: string, body?: string, account: TestAccount = owner) =>
    fetch(`${server.url}${url}`, {
      method,
      headers: {
        cookie: account.cookie,
        origin: server.url,
        ...(body === undefined ? {} : { 'content-type': 'text/csv' }),
      },
      body,
    });

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-csv-'));
    const port = await freePort();
    server = await startServer(loadConfig({ PORT: String(port), DATA_DIR: dataDir }), createLogger('silent'));
    owner = await signUp(server.url, 'Åsa Öberg');
    source = await createPartnership(owner);
    target = await createPartnership(owner);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('round-trips every field of goals and risks, field by field, and members see the import live', async () => {
    const writer = await connect(source.registerId);
    createEntry(writer.doc, 'goals', goal, 'g-1');
    createEntry(writer.doc, 'goals', { title: 'Andra målet', status: 'not-started' }, 'g-2');
    createEntry(writer.doc, 'risks', risk, 'r-1');
    createEntry(writer.doc, 'risks', { ...risk, title: 'Minimal', goals: [], description: '' }, 'r-2');
    const watcher = await connect(target.registerId);

    for (const kind of ['goals', 'risks'] as const) {
      // The server reads the live room; wait until it has the writer's entries.
      let csv = '';
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const exported = await call('GET', `/api/partnerships/${source.id}/register/${kind}.csv`);
        expect(exported.status).toBe(200);
        expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
        const bytes = new Uint8Array(await exported.arrayBuffer());
        expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
        if (csv.split('\r\n').length >= 4) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(csv.startsWith(`${UTF8_BOM}id,title,`)).toBe(true);
      const imported = await call('POST', `/api/partnerships/${target.id}/register/${kind}.csv`, csv);
      expect(await imported.json()).toEqual({ imported: 2 });
    }

    await eventually(() => registerEntries(watcher.doc, 'risks').size === 2, 'the import to reach a connected member');
    await eventually(() => registerEntries(watcher.doc, 'goals').size === 2, 'the goals import too');
    for (const kind of ['goals', 'risks'] as const) {
      const before = validEntries(writer.doc, kind);
      const after = validEntries(watcher.doc, kind);
      expect(after).toHaveLength(before.length);
      before.forEach((entry, i) => {
        for (const [field, value] of Object.entries(entry)) {
          expect((after[i] as Record<string, unknown>)[field], `${kind} ${entry.id}.${field}`).toEqual(value);
        }
      });
    }
    const fresh = await connect(target.registerId);
    expect(validEntries(fresh.doc, 'risks')).toEqual(validEntries(writer.doc, 'risks'));
  });

  it('a file with one bad row imports nothing and names that row and field', async () => {
    const watcher = await connect(target.registerId);
    const goalsBefore = registerEntries(watcher.doc, 'goals').toJSON();
    const csv = `${UTF8_BOM}title,status,due\r\nGott mål,on-track,2027-01-01\r\n"Dåligt, mål",on-track,2027-13-45\r\nTredje,done,\r\n`;
    const response = await call('POST', `/api/partnerships/${target.id}/register/goals.csv`, csv);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { id: string }; rows: unknown[] };
    expect(body.error.id).toBe('invalid_rows');
    expect(body.rows).toEqual([{ row: 3, field: 'due', message: expect.any(String) }]);
    const check = await connect(target.registerId);
    expect(registerEntries(check.doc, 'goals').toJSON()).toEqual(goalsBefore);
  });

  it('viewers may export but not import, and other partnerships see nothing', async () => {
    const viewer = await addMember(owner, source.id, 'viewer');
    expect((await call('GET', `/api/partnerships/${source.id}/register/risks.csv`, undefined, viewer)).status).toBe(
      200,
    );
    const refused = await call('POST', `/api/partnerships/${source.id}/register/risks.csv`, 'title\r\n', viewer);
    expect(refused.status).toBe(403);
    const stranger = await signUp(server.url, 'Stranger');
    expect((await call('GET', `/api/partnerships/${source.id}/register/risks.csv`, undefined, stranger)).status).toBe(
      404,
    );
  });
  // Last: the server answers 413 before reading the whole body and drops the connection.
  it('a file over the size limit gets 413 and imports nothing', async () => {
    const row = `Mål,on-track\r\n`;
    const csv = `title,status\r\n${row.repeat(Math.ceil((1024 * 1024 + 10) / row.length))}`;
    const response = await call('POST', `/api/partnerships/${target.id}/register/goals.csv`, csv);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { id: string } }).error.id).toBe('payload_too_large');
  });
});

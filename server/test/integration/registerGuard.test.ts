import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CloseCode,
  createEntry,
  deleteEntry,
  entryText,
  MAX_REGISTER_TEXT_CHARS,
  readEntries,
  registerEntries,
  setEntryField,
  setIndicator,
  setMembership,
} from '@samverka/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { freePort } from '../support/serverProcess.ts';
import { connectClient, eventually, synced, type TestClient } from '../support/syncClient.ts';
import { createPartnership, signUp } from '../support/testAccounts.ts';

/** A seeded generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T | undefined {
  return items[Math.floor(rand() * items.length)];
}

/** Close codes a client's sockets were closed with. */
function watchCloses(client: TestClient): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event: { code: number } | null) => {
    if (event) codes.push(event.code);
  });
  return codes;
}

function riskMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  return registerEntries(doc, 'risks').get(id) as Y.Map<unknown>;
}

const validRisk = {
  title: 'Sponsor leaves',
  category: 'governance',
  likelihood: 3,
  impact: 3,
  status: 'open',
} as const;

/** One random edit a correct client could make. */
function randomValidEdit(doc: Y.Doc, rand: () => number, label: string): void {
  const goals = [...registerEntries(doc, 'goals').keys()];
  const risks = [...registerEntries(doc, 'risks').keys()];
  const roll = rand();
  const risk = pick(rand, risks);
  const goal = pick(rand, goals);
  if (roll < 0.12 || risks.length === 0) {
    createEntry(doc, 'risks', { ...validRisk, title: `Risk ${label}`, likelihood: 1 + Math.floor(rand() * 5) });
  } else if (roll < 0.2 || goals.length === 0) {
    createEntry(doc, 'goals', { title: `Goal ${label}`, status: 'not-started' });
  } else if (roll < 0.35 && risk) {
    setEntryField(doc, 'risks', risk, 'impact', 1 + Math.floor(rand() * 5));
  } else if (roll < 0.45 && risk) {
    setEntryField(doc, 'risks', risk, 'status', pick(rand, ['open', 'monitoring', 'closed']));
  } else if (roll < 0.65 && risk) {
    const text = entryText(doc, 'risks', risk, 'mitigation');
    text?.insert(Math.floor(rand() * (text.length + 1)), `${label} `);
  } else if (roll < 0.72 && goal) {
    const text = entryText(doc, 'goals', goal, 'description');
    if (text && text.length > 0) text.delete(Math.floor(rand() * text.length), 1);
    else text?.insert(0, label);
  } else if (roll < 0.8 && risk && goal) {
    setMembership(doc, 'risks', risk, 'goals', goal, rand() < 0.7);
  } else if (roll < 0.87 && goal) {
    const id = `i${Math.floor(rand() * 3)}`;
    setIndicator(doc, goal, id, {
      id,
      name: `Indicator ${label}`,
      unit: '%',
      baseline: 0,
      target: 100,
      current: Math.round(rand() * 100),
    });
  } else if (roll < 0.93 && goal) {
    setEntryField(doc, 'goals', goal, 'due', `2027-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`);
  } else if (risk) {
    deleteEntry(doc, 'risks', risk);
  }
}

function registerJson(doc: Y.Doc) {
  return { goals: registerEntries(doc, 'goals').toJSON(), risks: registerEntries(doc, 'risks').toJSON() };
}

describe('the server checks register updates against the schema', () => {
  let server: RunningServer;
  let dataDir: string;
  let registerId = '';
  let headers: Record<string, string> = {};
  const clients: TestClient[] = [];

  const connect = async (): Promise<TestClient> => {
    const client = connectClient(server.url, registerId, undefined, { headers });
    clients.push(client);
    await synced(client);
    return client;
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-register-'));
    const port = await freePort();
    server = await startServer(loadConfig({ PORT: String(port), DATA_DIR: dataDir }), createLogger('silent'));
    const owner = await signUp(server.url, 'Anna Lind');
    registerId = (await createPartnership(owner)).registerId;
    headers = { cookie: owner.cookie, origin: server.url };
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const hostileEdits: Record<string, (doc: Y.Doc, riskId: string) => void> = {
    'a likelihood of 9': (doc, id) => riskMap(doc, id).set('likelihood', 9),
    'a status not in the list': (doc, id) => riskMap(doc, id).set('status', 'forgotten'),
    'a number where a Y.Text belongs': (doc, id) => riskMap(doc, id).set('mitigation', 42),
    'a text where a number belongs': (doc, id) => riskMap(doc, id).set('impact', new Y.Text('5')),
    'an unknown field': (doc, id) => riskMap(doc, id).set('colour', 'red'),
    'a risk without its required fields': (doc) => registerEntries(doc, 'risks').set('bare', new Y.Map()),
    'an unknown top-level type': (doc) => doc.getMap('evil').set('payload', 'x'),
    'an oversized text': (doc, id) =>
      (riskMap(doc, id).get('description') as Y.Text).insert(0, 'x'.repeat(MAX_REGISTER_TEXT_CHARS + 1)),
    'a list written into the risks map': (doc) => {
      // A client whose `risks` is a Y.Array; its update lands in the map's list part.
      const foreign = new Y.Doc();
      foreign.getArray('risks').insert(0, ['junk']);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(foreign));
    },
  };

  for (const [what, edit] of Object.entries(hostileEdits)) {
    it(`refuses ${what}: the sender is closed with SCHEMA_REJECTED and nobody else ever sees it`, async () => {
      const good = await connect();
      const riskId = createEntry(good.doc, 'risks', { ...validRisk });
      const hostile = await connect();
      await eventually(() => registerEntries(hostile.doc, 'risks').has(riskId), 'the hostile client to see the risk');
      const closes = watchCloses(hostile);
      const before = registerJson(good.doc);

      edit(hostile.doc, riskId);
      await eventually(() => closes.includes(CloseCode.SCHEMA_REJECTED), 'the refusal');

      // The room still works for everyone else, and a later valid edit travels.
      setEntryField(good.doc, 'risks', riskId, 'impact', 4);
      const fresh = await connect();
      await eventually(() => riskMap(fresh.doc, riskId)?.get('impact') === 4, 'the valid edit to arrive');
      expect(registerJson(fresh.doc)).toEqual({
        ...before,
        risks: { ...before.risks, [riskId]: { ...before.risks[riskId], impact: 4 } },
      });
      expect(fresh.doc.share.has('evil')).toBe(false);
      expect(readEntries(fresh.doc, 'risks').every((reading) => reading.ok)).toBe(true);
      expect(closes.filter((code) => code === CloseCode.SCHEMA_REJECTED)).toHaveLength(1);
    });
  }

  it('accepts 200 rounds of random valid concurrent edits from three clients, which converge', async () => {
    const trio = [await connect(), await connect(), await connect()];
    const closes = trio.map(watchCloses);
    const rands = [random(11), random(22), random(33)];
    for (let round = 0; round < 200; round += 1) {
      // All three edit before any of them hears from the others: truly concurrent.
      trio.forEach((client, i) => {
        randomValidEdit(client.doc, rands[i] as () => number, `c${i}r${round}`);
      });
      if (round % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const vectors = () => trio.map((client) => Buffer.from(Y.encodeStateVector(client.doc)).toString('hex'));
    await eventually(() => new Set(vectors()).size === 1, 'the three clients to hold the same updates', 60_000);
    expect(closes.flat()).toEqual([]);
    const [first, ...rest] = trio.map((client) => registerJson(client.doc));
    for (const other of rest) expect(other).toEqual(first);
    const fresh = await connect();
    expect(registerJson(fresh.doc)).toEqual(first);
    const readings = [...readEntries(fresh.doc, 'goals'), ...readEntries(fresh.doc, 'risks')];
    expect(readings.length).toBeGreaterThan(20);
    expect(readings.filter((reading) => !reading.ok)).toEqual([]);
  }, 120_000);
});

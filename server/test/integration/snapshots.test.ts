// biome-ignore-all lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them
import {
  addGoal,
  addRisk,
  addShapes,
  appendBlock,
  geoShape,
  registerEntries,
  rewriteBlock,
  setEntryField,
} from '@samverka/model';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { openDatabase } from '../../src/storage/database.ts';
import { SqlUpdateLogStore } from '../../src/storage/sqlUpdateLogStore.ts';
import { ApiClient, addMember, createTestPartnership, type TestPartnership } from '../support/apiClient.ts';
import { EventStreamClient } from '../support/eventStreamClient.ts';
import { policyServerSuite } from '../support/policyServer.ts';
import { eventually, synced, type TestClient } from '../support/syncClient.ts';

/** The bytes of a snapshot document as the API serves them. */
async function stateBytes(base: string, path: string, cookie?: string): Promise<{ status: number; bytes: Uint8Array }> {
  const response = await fetch(base + path, { headers: cookie ? { cookie } : {} });
  return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
}

function goalStatus(doc: Y.Doc, goalId: string): unknown {
  return (registerEntries(doc, 'goals').get(goalId) as Y.Map<unknown> | undefined)?.get('status');
}

/** The status a sync upgrade with `headers` is answered with (before any upgrade), or 101 when it opened. */
function upgradeStatus(base: string, documentId: string, headers: Record<string, string>): Promise<number> {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/sync/${documentId}`, { headers });
  return new Promise((resolve) => {
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => resolve(0));
  });
}

/** Edits a document over sync once the client has the server's state. */
async function editLive(client: TestClient, edit: (doc: Y.Doc) => void): Promise<void> {
  await synced(client);
  edit(client.doc);
}

describe('snapshots', () => {
  const suite = policyServerSuite({ SYNC_COMPACTION_THRESHOLD: '2', SYNC_ROOM_UNLOAD_GRACE_MS: '50' });

  async function partnershipWithContent(): Promise<{ p: TestPartnership; textId: string }> {
    const p = await createTestPartnership(suite.base, 'Owner');
    const text = await p.owner.client.post(`/api/partnerships/${p.id}/documents`, { kind: 'text', title: 'Agreement' });
    const textId = text.body.document.id as string;
    const register = suite.connectAs(p.owner.client.cookie, p.registerId);
    const agreement = suite.connectAs(p.owner.client.cookie, textId);
    await synced(register);
    await synced(agreement);
    addGoal(register.doc, 'g1', 'Joint PhD programme');
    addGoal(register.doc, 'g2', 'Staff exchange');
    addRisk(register.doc, 'r1', 'Funding ends', 2, 3);
    appendBlock(agreement.doc, { heading: 1, text: 'Aims' });
    appendBlock(agreement.doc, { text: 'Exchange students.' });
    appendBlock(agreement.doc, { heading: 1, text: 'Budget' });
    appendBlock(agreement.doc, { text: 'Each side pays.' });
    await waitStored(p, ['g1', 'g2'], textId, 4);
    register.destroy();
    agreement.destroy();
    return { p, textId };
  }

  /** Waits until a fresh reader of a document sees what `check` looks for (the server has the edit). */
  async function serverHas(p: TestPartnership, documentId: string, check: (doc: Y.Doc) => boolean): Promise<void> {
    const reader = suite.connectAs(p.owner.client.cookie, documentId);
    await eventually(() => reader.provider.synced && check(reader.doc), `the edit of ${documentId} on the server`);
    reader.destroy();
  }

  /** Waits until a fresh reader of the server sees the goals and the number of text blocks. */
  async function waitStored(p: TestPartnership, goals: string[], textId: string, blocks: number): Promise<void> {
    const reader = suite.connectAs(p.owner.client.cookie, p.registerId);
    const textReader = suite.connectAs(p.owner.client.cookie, textId);
    await eventually(
      () =>
        goals.every((id) => registerEntries(reader.doc, 'goals').has(id)) &&
        textReader.doc.getXmlFragment('default').length === blocks,
      'the edits on the server',
    );
    reader.destroy();
    textReader.destroy();
  }

  it('stores every document at one moment, byte-stable through live edits, compaction and deletion (acceptance 5)', async () => {
    const { p, textId } = await partnershipWithContent();
    const created = await p.owner.client.post(`/api/partnerships/${p.id}/snapshots`, { name: 'Steering group May' });
    expect(created.status).toBe(201);
    const s1 = created.body.snapshot;
    expect(s1).toMatchObject({ name: 'Steering group May', threads: { open: 0, resolved: 0 } });
    const detail = await p.owner.client.get(`/api/snapshots/${s1.id}`);
    expect(detail.body.documents.map((d: any) => d.kind)).toEqual(['register', 'canvas', 'text']);
    expect(detail.body.partnership.name).toBe("Owner's partnership");

    const paths = detail.body.documents.map((d: any) => `/api/snapshots/${s1.id}/documents/${d.id}`);
    const before = await Promise.all(paths.map((path: string) => stateBytes(suite.base, path, p.owner.client.cookie)));
    expect(before.map((b) => b.status)).toEqual([200, 200, 200]);
    const register = new Y.Doc();
    Y.applyUpdate(register, before[0]?.bytes as Uint8Array);
    expect([...registerEntries(register, 'goals').keys()].sort()).toEqual(['g1', 'g2']);

    // Live edits after S1, then the sockets leave: the rooms unload and compact (threshold 2).
    const live = suite.connectAs(p.owner.client.cookie, p.registerId);
    const text = suite.connectAs(p.owner.client.cookie, textId);
    await editLive(live, (doc) => setEntryField(doc, 'goals', 'g1', 'status', 'off-track'));
    await editLive(text, (doc) => rewriteBlock(doc, 'Exchange students.', 'Exchange staff.'));
    await serverHas(p, p.registerId, (doc) => goalStatus(doc, 'g1') === 'off-track');
    await serverHas(p, textId, (doc) => doc.getXmlFragment('default').toString().includes('Exchange staff.'));
    live.destroy();
    text.destroy();
    const database = openDatabase({ dataDir: suite.server.dataDir, databaseUrl: undefined });
    try {
      const store = new SqlUpdateLogStore(database.db, database.dialect);
      const compacted = async () =>
        (await store.countUpdates(p.registerId)) === 1 && (await store.countUpdates(textId)) === 1;
      const deadline = Date.now() + 20_000;
      while (!(await compacted())) {
        if (Date.now() > deadline) throw new Error('the live documents were not compacted');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const reread = new Y.Doc();
      for (const update of await store.loadUpdates(p.registerId)) Y.applyUpdate(reread, update);
      expect(goalStatus(reread, 'g1')).toBe('off-track');
    } finally {
      await database.close();
    }
    expect((await p.owner.client.delete(`/api/documents/${textId}`)).status).toBe(204);

    const after = await Promise.all(paths.map((path: string) => stateBytes(suite.base, path, p.owner.client.cookie)));
    expect(after.map((answer) => answer.status)).toEqual([200, 200, 200]);
    after.forEach((answer, n) => {
      expect(Buffer.from(answer.bytes).equals(Buffer.from(before[n]?.bytes ?? [])), `document ${n}`).toBe(true);
    });
    // The live register moved on (off-track, compacted); the snapshot's still says what it said.
    const frozen = new Y.Doc();
    Y.applyUpdate(frozen, after[0]?.bytes as Uint8Array);
    expect(goalStatus(frozen, 'g1')).toBe('on-track');
  }, 60_000);

  it('compares S1 with now and lists exactly what changed after it (acceptance 3, over the API)', async () => {
    const { p, textId } = await partnershipWithContent();
    const s1 = (await p.owner.client.post(`/api/partnerships/${p.id}/snapshots`, { name: 'S1' })).body.snapshot;
    const register = suite.connectAs(p.owner.client.cookie, p.registerId);
    const text = suite.connectAs(p.owner.client.cookie, textId);
    const canvas = suite.connectAs(p.owner.client.cookie, p.canvasId);
    await editLive(register, (doc) => {
      setEntryField(doc, 'goals', 'g1', 'status', 'at-risk');
      addGoal(doc, 'g3', 'Alumni network');
      setEntryField(doc, 'risks', 'r1', 'impact', 5);
    });
    await editLive(text, (doc) => rewriteBlock(doc, 'Each side pays.', 'The university pays.'));
    await editLive(canvas, (doc) => addShapes(doc, [geoShape('shape:after-s1', 'New idea')]));
    await serverHas(p, p.registerId, (doc) => registerEntries(doc, 'goals').has('g3'));
    await serverHas(p, textId, (doc) => doc.getXmlFragment('default').toString().includes('The university pays.'));
    await serverHas(p, p.canvasId, (doc) => doc.getMap('board').has('shape:after-s1'));
    const comparison = (await p.owner.client.get(`/api/snapshots/${s1.id}/compare?with=now`)).body;
    expect(comparison.goals).toEqual({
      added: [{ id: 'g3', title: 'Alumni network', status: 'on-track' }],
      removed: [],
      changed: [
        {
          id: 'g1',
          title: 'Joint PhD programme',
          fields: [{ field: 'status', before: 'on-track', after: 'at-risk' }],
          indicators: [],
        },
      ],
    });
    expect(comparison.risks).toEqual({
      added: [],
      removed: [],
      changed: [],
      moved: [
        { id: 'r1', title: 'Funding ends', before: { likelihood: 2, impact: 3 }, after: { likelihood: 2, impact: 5 } },
      ],
    });
    expect(comparison.documents).toEqual([
      {
        id: textId,
        title: 'Agreement',
        change: 'changed',
        changedSections: [{ heading: 'Budget', level: 1, before: 'Each side pays.', after: 'The university pays.' }],
      },
    ]);
    expect(comparison.canvas).toMatchObject({
      added: [{ id: 'shape:after-s1', title: 'New idea' }],
      removed: [],
      changed: [],
    });
    expect(comparison.before).toMatchObject({ snapshotId: s1.id, name: 'S1' });
    expect(comparison.after.snapshotId).toBeNull();

    const s2 = (await p.owner.client.post(`/api/partnerships/${p.id}/snapshots`, { name: 'S2' })).body.snapshot;
    const between = (await p.owner.client.get(`/api/snapshots/${s1.id}/compare?with=${s2.id}`)).body;
    expect({ goals: between.goals, documents: between.documents }).toEqual({
      goals: comparison.goals,
      documents: comparison.documents,
    });
    const other = await createTestPartnership(suite.base, 'Other');
    const foreign = (await other.owner.client.post(`/api/partnerships/${other.id}/snapshots`, { name: 'X' })).body;
    expect((await p.owner.client.get(`/api/snapshots/${s1.id}/compare?with=${foreign.snapshot.id}`)).status).toBe(404);
  }, 60_000);

  it('a share link reads its snapshot alone, without an account, and nothing else (acceptance 1, server half)', async () => {
    const { p, textId } = await partnershipWithContent();
    const s1 = (await p.owner.client.post(`/api/partnerships/${p.id}/snapshots`, { name: 'S1' })).body.snapshot;
    const s2 = (await p.owner.client.post(`/api/partnerships/${p.id}/snapshots`, { name: 'S2' })).body.snapshot;
    const created = await p.owner.client.post(`/api/snapshots/${s1.id}/links`, {});
    expect(created.status).toBe(201);
    const token = (created.body.url as string).split('/').pop() as string;
    expect(created.body.url).toMatch(new RegExp(`/shared/${token}$`));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const stranger = new ApiClient(suite.base);
    const shared = await stranger.get(`/api/shared/${token}`);
    expect(shared.status).toBe(200);
    expect(shared.body.snapshot.name).toBe('S1');
    expect(shared.body.acknowledgements).toBeUndefined();
    // A forwarded link hands out no internal ids: not the partnership's, the snapshot's nor the creator's.
    const sharedText = JSON.stringify(shared.body);
    for (const id of [p.id, s1.id, p.owner.userId]) expect(sharedText).not.toContain(id);
    expect(Object.keys(shared.body.partnership)).not.toContain('id');
    expect(Object.keys(shared.body.snapshot).sort()).toEqual(['createdAt', 'name', 'threads']);
    expect(shared.headers.get('referrer-policy')).toBe('no-referrer');
    expect(shared.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    const page = await fetch(`${suite.base}/shared/${token}`);
    expect([page.headers.get('referrer-policy'), page.headers.get('x-robots-tag')]).toEqual([
      'no-referrer',
      'noindex, nofollow',
    ]);
    expect((await stateBytes(suite.base, `/api/shared/${token}/documents/${textId}`)).status).toBe(200);

    // The token as a cookie or bearer anywhere else: refused like no credential at all.
    const asCookie = { cookie: `samverka_session=${token}` };
    const asBearer = { authorization: `Bearer ${token}` };
    for (const headers of [asCookie, asBearer, {}]) {
      for (const path of [
        `/api/snapshots/${s1.id}`,
        `/api/snapshots/${s2.id}`,
        `/api/snapshots/${s1.id}/documents/${textId}`,
        `/api/partnerships/${p.id}`,
        `/api/partnerships/${p.id}/snapshots`,
        `/api/documents/${textId}/export?format=md`,
      ]) {
        expect([path, (await stranger.request('GET', path, undefined, headers)).status]).toEqual([path, 401]);
      }
      expect(await upgradeStatus(suite.base, p.registerId, headers)).toBe(401);
    }
    // Its own snapshot only: a document S1 does not hold, and any other token, are not found.
    const later = await p.owner.client.post(`/api/partnerships/${p.id}/documents`, { kind: 'text', title: 'Later' });
    expect((await stranger.get(`/api/shared/${token}/documents/${later.body.document.id}`)).status).toBe(404);
    expect((await stranger.get(`/api/shared/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await stranger.get('/api/shared/short')).status).toBe(404);
    // Nothing the link could change: every unsafe method on its paths is no route at all.
    expect((await stranger.request('DELETE', `/api/shared/${token}`)).status).toBe(404);
  }, 60_000);

  it('a revoked link answers 404 at once, and so does an expired one (acceptance 2)', async () => {
    const { p } = await partnershipWithContent();
    const s1 = (await p.owner.client.post(`/api/partnerships/${p.id}/snapshots`, { name: 'S1' })).body.snapshot;
    const link = (await p.owner.client.post(`/api/snapshots/${s1.id}/links`, {})).body;
    const token = link.url.split('/').pop();
    const stranger = new ApiClient(suite.base);
    expect((await stranger.get(`/api/shared/${token}`)).status).toBe(200);
    expect((await p.owner.client.delete(`/api/snapshots/${s1.id}/links/${link.link.id}`)).status).toBe(204);
    const revoked = await stranger.get(`/api/shared/${token}`);
    expect([revoked.status, revoked.body.error.id]).toEqual([404, 'not_found']);
    const listed = (await p.owner.client.get(`/api/snapshots/${s1.id}/links`)).body.links;
    expect(listed.map((l: any) => [l.id, l.active, l.revokedAt !== null])).toEqual([[link.link.id, false, true]]);
    expect(JSON.stringify(listed)).not.toContain(token);

    const expiresAt = new Date(Date.now() + 3_000).toISOString();
    const expiring = (await p.owner.client.post(`/api/snapshots/${s1.id}/links`, { expiresAt })).body;
    const expiringToken = expiring.url.split('/').pop();
    expect(expiring.link.expiresAt).toBe(expiresAt);
    expect((await stranger.get(`/api/shared/${expiringToken}`)).status).toBe(200);
    const deadline = Date.now() + 20_000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) {
      status = (await stranger.get(`/api/shared/${expiringToken}`)).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(404);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(expiresAt));

    const past = await p.owner.client.post(`/api/snapshots/${s1.id}/links`, {
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect([past.status, past.body.error.id]).toEqual([400, 'link_expiry_invalid']);
  }, 60_000);

  it('lists latest first with acknowledgements by name, side and time; owners rename and delete; all audited', async () => {
    const { p } = await partnershipWithContent();
    const viewer = await addMember(p, suite.base, 'viewer', 'partner', 'Vera');
    const stream = new EventStreamClient(`${suite.base}/api/partnerships/${p.id}/events`, p.owner.client.cookie);
    await stream.opened;
    const first = (await p.owner.client.post(`/api/partnerships/${p.id}/snapshots`, { name: 'First' })).body.snapshot;
    const second = (await p.owner.client.post(`/api/partnerships/${p.id}/snapshots`, { name: 'Second' })).body.snapshot;
    const acknowledged = await viewer.client.post(`/api/snapshots/${second.id}/acknowledgements`);
    expect(acknowledged.status).toBe(201);
    expect(acknowledged.body.acknowledgement).toMatchObject({ userId: viewer.userId, name: 'Vera', side: 'partner' });
    // The owner's open page hears of each new snapshot and the acknowledgement, live.
    await stream.waitFor(
      (events) => events.filter((e: any) => e.event?.type === 'snapshot').length >= 3,
      'snapshot events',
    );
    expect(stream.events.map((e: any) => e.event?.snapshotId)).toEqual([first.id, second.id, second.id]);
    stream.close();
    const again = await viewer.client.post(`/api/snapshots/${second.id}/acknowledgements`);
    expect(again.body.acknowledgements).toEqual([acknowledged.body.acknowledgement]);

    const list = (await viewer.client.get(`/api/partnerships/${p.id}/snapshots`)).body.snapshots;
    expect(list.map((s: any) => [s.id, s.acknowledgements.map((a: any) => a.name)])).toEqual([
      [second.id, ['Vera']],
      [first.id, []],
    ]);
    expect((await viewer.client.patch(`/api/snapshots/${first.id}`, { name: 'Nope' })).status).toBe(403);
    const renamed = await p.owner.client.patch(`/api/snapshots/${first.id}`, { name: '  Renamed ' });
    expect(renamed.body.snapshot.name).toBe('Renamed');
    expect((await p.owner.client.patch(`/api/snapshots/${first.id}`, { name: '' })).body.error.id).toBe(
      'validation_failed',
    );
    const link = (await p.owner.client.post(`/api/snapshots/${first.id}/links`, {})).body;
    expect((await p.owner.client.delete(`/api/snapshots/${first.id}`)).status).toBe(204);
    expect((await p.owner.client.get(`/api/snapshots/${first.id}`)).status).toBe(404);
    expect((await new ApiClient(suite.base).get(`/api/shared/${link.url.split('/').pop()}`)).status).toBe(404);

    // A deleted account's acknowledgement stays, without the person (shown as a deleted account).
    const deleted = await viewer.client.request('DELETE', '/api/me', { password: 'correct horse battery staple' });
    expect(deleted.status).toBe(204);
    const kept = (await p.owner.client.get(`/api/partnerships/${p.id}/snapshots`)).body.snapshots[0];
    expect(kept.acknowledgements).toEqual([
      { userId: null, name: '', side: 'partner', acknowledgedAt: acknowledged.body.acknowledgement.acknowledgedAt },
    ]);

    const audit = (await p.owner.client.get(`/api/partnerships/${p.id}/audit`)).body.events.map((e: any) => e.type);
    for (const type of ['snapshot_created', 'snapshot_renamed', 'snapshot_link_created', 'snapshot_deleted']) {
      expect(audit).toContain(type);
    }
  }, 60_000);
});

describe('snapshot budgets: per account and per partnership', () => {
  // Low limits so the test needs few requests; the defaults are 60 an hour and 500 snapshots.
  const WRITES_PER_HOUR = 4;
  const SNAPSHOTS_PER_PARTNERSHIP = 2;
  const suite = policyServerSuite({
    SNAPSHOT_WRITES_PER_HOUR: String(WRITES_PER_HOUR),
    SNAPSHOTS_PER_PARTNERSHIP: String(SNAPSHOTS_PER_PARTNERSHIP),
  });

  it('refuses a snapshot past the partnership limit and an account past its hourly budget, with Retry-After', async () => {
    const p = await createTestPartnership(suite.base, 'Budget');
    const editor = await addMember(p, suite.base, 'editor');
    const owner = p.owner.client;
    const snapshots = `/api/partnerships/${p.id}/snapshots`;
    const s1 = await owner.post(snapshots, { name: 'S1' });
    const s2 = await owner.post(snapshots, { name: 'S2' });
    expect([s1.status, s2.status]).toEqual([201, 201]);
    const third = await owner.post(snapshots, { name: 'S3' });
    expect([third.status, third.body.error.id]).toEqual([409, 'snapshot_limit_reached']);
    expect((await owner.get(snapshots)).body.snapshots).toHaveLength(SNAPSHOTS_PER_PARTNERSHIP);

    // The owner's fourth write (a comparison with now) is the last within the budget.
    const id = s1.body.snapshot.id;
    expect((await owner.get(`/api/snapshots/${id}/compare?with=now`)).status).toBe(200);
    const refusals = [
      await owner.post(`/api/snapshots/${id}/links`, {}),
      await owner.patch(`/api/snapshots/${id}`, { name: 'Renamed' }),
      await owner.get(`/api/snapshots/${id}/compare?with=now`),
    ];
    for (const refused of refusals) {
      expect([refused.status, refused.body.error.id]).toEqual([429, 'rate_limited']);
      const wait = Number(refused.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(3600);
    }
    expect((await owner.get(`/api/snapshots/${id}`)).body.snapshot.name).toBe('S1');
    // Reading stored snapshots costs nothing, and another account has a budget of its own.
    expect((await owner.get(`/api/snapshots/${id}/compare?with=${s2.body.snapshot.id}`)).status).toBe(200);
    expect((await editor.client.post(`/api/snapshots/${id}/links`, {})).status).toBe(201);
  }, 60_000);
});

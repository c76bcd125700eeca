import { CloseCode } from '@samverka/model';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { openDatabase } from '../../src/storage/database.ts';
import { SqlUpdateLogStore } from '../../src/storage/sqlUpdateLogStore.ts';
import { addMember, createTestPartnership, type TestPartnership } from '../support/apiClient.ts';
import { policyServerSuite } from '../support/policyServer.ts';
import { eventually, synced, type TestClient } from '../support/syncClient.ts';

describe('sync authorisation: read-only roles and revoked rights', () => {
  const suite = policyServerSuite();

  async function storedKeys(documentId: string): Promise<string[]> {
    const database = openDatabase({ dataDir: suite.server.dataDir });
    try {
      const doc = new Y.Doc();
      for (const update of await new SqlUpdateLogStore(database.db, database.dialect).loadUpdates(documentId)) {
        Y.applyUpdate(doc, update);
      }
      return [...doc.getMap('proof').keys()];
    } finally {
      await database.close();
    }
  }

  /** Sets an awareness field and waits until `watcher` sees it: the server has handled every earlier frame. */
  async function barrier(writer: TestClient, watcher: TestClient, mark: string): Promise<void> {
    writer.provider.awareness.setLocalStateField('mark', mark);
    await eventually(
      () => watcher.provider.awareness.getStates().get(writer.doc.clientID)?.mark === mark,
      `awareness mark ${mark}`,
    );
  }

  it("never applies, stores or relays a viewer's or a commenter's updates", async () => {
    const p = await createTestPartnership(suite.base, 'ReadOnlyOwner');
    const editor = await addMember(p, suite.base, 'editor');
    const viewer = await addMember(p, suite.base, 'viewer');
    const commenter = await addMember(p, suite.base, 'commenter');
    const editing = suite.connectAs(editor.client.cookie, p.canvasId);
    const viewing = suite.connectAs(viewer.client.cookie, p.canvasId);
    const commenting = suite.connectAs(commenter.client.cookie, p.canvasId);
    await Promise.all([synced(editing), synced(viewing), synced(commenting)]);

    viewing.doc.getMap('proof').set('viewer', 'written by a viewer');
    commenting.doc.getMap('proof').set('commenter', 'written by a commenter');
    await barrier(viewing, editing, 'viewer-done');
    await barrier(commenting, editing, 'commenter-done');
    editing.doc.getMap('proof').set('editor', 'written by an editor');
    await eventually(() => viewing.doc.getMap('proof').get('editor') !== undefined, 'editor edit reaches the viewer');
    await eventually(
      () => commenting.doc.getMap('proof').get('editor') !== undefined,
      'editor edit reaches the commenter',
    );

    expect([...editing.doc.getMap('proof').keys()]).toEqual(['editor']);
    const late = suite.connectAs(p.owner.client.cookie, p.canvasId);
    await synced(late);
    expect([...late.doc.getMap('proof').keys()]).toEqual(['editor']);
    // Updates are committed before they are relayed, so the log already holds what the viewer saw.
    expect(await storedKeys(p.canvasId)).toEqual(['editor']);
  });

  async function closeCodeOf(client: TestClient): Promise<number> {
    return new Promise((resolve) => {
      client.provider.once('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0));
    });
  }

  function upgradeStatus(documentId: string, cookie: string | undefined): Promise<number | 'open'> {
    const ws = new WebSocket(`${suite.base.replace(/^http/, 'ws')}/sync/${documentId}`, {
      headers: cookie ? { cookie } : {},
    });
    // Terminating after a refused upgrade reports an error; the status is what we assert on.
    ws.on('error', () => {});
    return new Promise((resolve) => {
      ws.once('open', () => {
        ws.close();
        resolve('open');
      });
      ws.once('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
    });
  }

  it('closes a removed member’s sockets on every document within a second, and refuses them afterwards', async () => {
    const p: TestPartnership = await createTestPartnership(suite.base, 'RemovingOwner');
    const member = await addMember(p, suite.base, 'editor');
    const onCanvas = suite.connectAs(member.client.cookie, p.canvasId);
    const onRegister = suite.connectAs(member.client.cookie, p.registerId);
    const bystander = suite.connectAs(p.owner.client.cookie, p.canvasId);
    await Promise.all([synced(onCanvas), synced(onRegister), synced(bystander)]);
    const codes = Promise.all([closeCodeOf(onCanvas), closeCodeOf(onRegister)]);

    const removed = await p.owner.client.delete(`/api/partnerships/${p.id}/members/${member.userId}`);
    expect(removed.status).toBe(204);
    let closedCodes: number[] = [];
    void codes.then((c) => {
      closedCodes = c;
    });
    await eventually(() => closedCodes.length === 2, 'both sockets closed', 1000);
    expect(closedCodes).toEqual([CloseCode.REAUTHORIZE, CloseCode.REAUTHORIZE]);
    expect(bystander.provider.wsconnected).toBe(true);

    expect(await upgradeStatus(p.canvasId, member.client.cookie)).toBe(404);
    onCanvas.provider.connect();
    const refused = await new Promise<string>((resolve) => {
      onCanvas.provider.once('connection-error', () => resolve('refused'));
      onCanvas.provider.once('status', (event: { status: string }) => resolve(event.status));
    });
    expect(refused).toBe('refused');
    expect(onCanvas.provider.wsconnected).toBe(false);
  });

  it('a demoted editor is disconnected and reconnects read-only', async () => {
    const p = await createTestPartnership(suite.base, 'DemotingOwner');
    const member = await addMember(p, suite.base, 'editor');
    const watcher = suite.connectAs(p.owner.client.cookie, p.canvasId);
    const demoted = suite.connectAs(member.client.cookie, p.canvasId);
    await Promise.all([synced(watcher), synced(demoted)]);
    demoted.doc.getMap('proof').set('before', 'as editor');
    await eventually(() => watcher.doc.getMap('proof').has('before'), 'editor write arrives');

    const closed = closeCodeOf(demoted);
    const changed = await p.owner.client.patch(`/api/partnerships/${p.id}/members/${member.userId}`, {
      role: 'viewer',
    });
    expect(changed.status).toBe(200);
    expect(await closed).toBe(CloseCode.REAUTHORIZE);
    demoted.provider.connect();
    await synced(demoted);
    demoted.doc.getMap('proof').set('after', 'as viewer');
    await barrier(demoted, watcher, 'after-demotion');
    expect(watcher.doc.getMap('proof').has('after')).toBe(false);
    expect(await storedKeys(p.canvasId)).toEqual(['before']);
  });
});

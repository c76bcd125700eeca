import { CloseCode, SyncMessageType } from '@samverka/model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../src/storage/database.ts';
import { addMember, createTestPartnership } from '../support/apiClient.ts';
import { policyServerSuite } from '../support/policyServer.ts';
import { connectClient, eventually, synced } from '../support/syncClient.ts';

describe('document management: rename, archive, restore, delete', () => {
  const suite = policyServerSuite();

  async function storedRows(documentId: string): Promise<number> {
    const database = openDatabase({ dataDir: suite.server.dataDir });
    try {
      const rows = await database.db
        .selectFrom('document_updates')
        .select('id')
        .where('document_id', '=', documentId)
        .execute();
      return rows.length;
    } finally {
      await database.close();
    }
  }

  it('renames, archives and restores with the editor recorded; the register stays', async () => {
    const p = await createTestPartnership(suite.base, 'ManageOwner');
    const editor = await addMember(p, suite.base, 'editor', 'partner', 'Eva Editor');
    const created = await p.owner.client.post(`/api/partnerships/${p.id}/documents`, { kind: 'text', title: 'Plan' });
    const id = created.body.document.id as string;
    expect(created.body.document.editedBy.name).toBe('ManageOwner');

    const renamed = await editor.client.patch(`/api/documents/${id}`, { title: 'Annual plan 2027' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.document).toMatchObject({ title: 'Annual plan 2027', archivedAt: null });
    expect(renamed.body.document.editedBy).toEqual({ userId: editor.userId, name: 'Eva Editor' });

    const archived = await editor.client.patch(`/api/documents/${id}`, { archived: true });
    expect(archived.body.document.archivedAt).toEqual(expect.any(String));
    const list = await p.owner.client.get(`/api/partnerships/${p.id}/documents`);
    expect(list.body.documents.find((d: { id: string }) => d.id === id).archivedAt).toEqual(expect.any(String));
    const restored = await editor.client.patch(`/api/documents/${id}`, { archived: false });
    expect(restored.body.document.archivedAt).toBeNull();

    const empty = await editor.client.patch(`/api/documents/${id}`, {});
    expect(empty.status).toBe(400);
    const register = await p.owner.client.patch(`/api/documents/${p.registerId}`, { archived: true });
    expect(register.status).toBe(409);
    expect(register.body.error.id).toBe('document_required');
    expect((await p.owner.client.delete(`/api/documents/${p.registerId}`)).status).toBe(409);

    const audit = await p.owner.client.get(`/api/partnerships/${p.id}/audit`);
    const types = (audit.body.events as { type: string }[]).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['document_renamed', 'document_archived', 'document_restored']));
  });

  it('a stored content change makes its author the last editor', async () => {
    const p = await createTestPartnership(suite.base, 'ActivityOwner');
    const editor = await addMember(p, suite.base, 'editor', 'partner', 'Tove Typist');
    const created = await p.owner.client.post(`/api/partnerships/${p.id}/documents`, { kind: 'text', title: 'Notes' });
    const id = created.body.document.id as string;
    const client = connectClient(suite.base, id, new Y.Doc(), { headers: { cookie: editor.client.cookie as string } });
    suite.track(client);
    await synced(client);
    client.doc.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    let editedBy = '';
    for (let attempt = 0; attempt < 200 && editedBy !== editor.userId; attempt++) {
      const list = await p.owner.client.get(`/api/partnerships/${p.id}/documents`);
      editedBy = list.body.documents.find((d: { id: string }) => d.id === id).editedBy?.userId ?? '';
      if (editedBy !== editor.userId) await new Promise((r) => setTimeout(r, 50));
    }
    expect(editedBy).toBe(editor.userId);
  });

  it('an archived document is read-only over sync: open sockets reconnect read-only, restoring lets edits in again', async () => {
    const p = await createTestPartnership(suite.base, 'ArchiveOwner');
    const editor = await addMember(p, suite.base, 'editor');
    const created = await p.owner.client.post(`/api/partnerships/${p.id}/documents`, { kind: 'text', title: 'Old' });
    const id = created.body.document.id as string;
    const cookie = editor.client.cookie as string;
    const client = connectClient(suite.base, id, new Y.Doc(), { headers: { cookie } });
    suite.track(client);
    await synced(client);
    const closes: number[] = [];
    client.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));

    expect((await editor.client.patch(`/api/documents/${id}`, { archived: true })).status).toBe(200);
    await eventually(() => closes.includes(CloseCode.REAUTHORIZE), 'the open socket told to re-authorise');
    await eventually(() => client.provider.wsconnected && client.provider.synced, 'the reconnect');
    const rowsArchived = await storedRows(id);
    client.doc.getText('t').insert(0, 'edited after archiving');
    // A fresh reader (owner) synced after that frame was sent sees none of it, and nothing was stored.
    const reader = connectClient(suite.base, id, new Y.Doc(), { headers: { cookie: p.owner.client.cookie as string } });
    suite.track(reader);
    await synced(reader);
    expect(reader.doc.getText('t').toString()).toBe('');
    expect(await storedRows(id)).toBe(rowsArchived);

    expect((await editor.client.patch(`/api/documents/${id}`, { archived: false })).status).toBe(200);
    await eventually(() => closes.filter((c) => c === CloseCode.REAUTHORIZE).length === 2, 'told again on restore');
    // Reconnected read-write, the client re-sends what the server lacks: the edit arrives now.
    await eventually(
      () => reader.doc.getText('t').toString() === 'edited after archiving',
      'the edit, once the document is restored',
    );
  });

  it('deleting keeps nothing: open sockets are turned away for good and the log is gone', async () => {
    const p = await createTestPartnership(suite.base, 'DeleteOwner');
    const editor = await addMember(p, suite.base, 'editor');
    const created = await p.owner.client.post(`/api/partnerships/${p.id}/documents`, {
      kind: 'text',
      title: 'Draft',
      template: 'steering-notes',
    });
    const id = created.body.document.id as string;
    const client = connectClient(suite.base, id, new Y.Doc(), { headers: { cookie: editor.client.cookie as string } });
    suite.track(client);
    await synced(client);
    const closes: number[] = [];
    client.provider.on('connection-close', (event) => closes.push(event?.code ?? 0));

    expect((await editor.client.delete(`/api/documents/${id}`)).status).toBe(403);
    expect((await p.owner.client.delete(`/api/documents/${id}`)).status).toBe(204);
    await eventually(() => closes.includes(CloseCode.DOCUMENT_NOT_FOUND), 'the socket closed as not found');
    expect(client.provider.shouldConnect).toBe(false);
    expect(await storedRows(id)).toBe(0);
    expect((await p.owner.client.get(`/api/documents/${id}/export?format=md`)).status).toBe(404);
    expect((await p.owner.client.delete(`/api/documents/${id}`)).status).toBe(404);
    const list = await p.owner.client.get(`/api/partnerships/${p.id}/documents`);
    expect(list.body.documents.map((d: { id: string }) => d.id)).not.toContain(id);
  });

  it('acknowledges stored frames only to clients that ask (?acks=1); a standard provider gets none', async () => {
    const p = await createTestPartnership(suite.base, 'AckOwner');
    const created = await p.owner.client.post(`/api/partnerships/${p.id}/documents`, { kind: 'text', title: 'Acks' });
    const id = created.body.document.id as string;
    const cookie = p.owner.client.cookie as string;
    const asker = connectClient(suite.base, id, new Y.Doc(), { headers: { cookie }, params: { acks: '1' } });
    const plain = connectClient(suite.base, id, new Y.Doc(), { headers: { cookie } });
    suite.track(asker, plain);
    const acked = { asker: 0, plain: 0 };
    asker.provider.messageHandlers[SyncMessageType.DURABLE_ACK] = () => {
      acked.asker += 1;
    };
    // A standard provider has no handler for the type; count instead of letting it log "Unable to compute message".
    plain.provider.messageHandlers[SyncMessageType.DURABLE_ACK] = () => {
      acked.plain += 1;
    };
    await Promise.all([synced(asker), synced(plain)]);
    plain.doc.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    await eventually(() => asker.doc.getXmlFragment('default').length === 1, "the plain client's edit relayed");
    asker.doc.getXmlFragment('default').insert(1, [new Y.XmlElement('heading')]);
    await eventually(() => acked.asker > 0, "the asking client's ack");
    // Both edits are stored by now (the asker's was the later one): the plain client's ack would have come.
    await eventually(() => plain.doc.getXmlFragment('default').length === 2, "the asker's edit relayed");
    expect(acked.plain).toBe(0);
  });
});

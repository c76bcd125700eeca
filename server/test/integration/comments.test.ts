// biome-ignore-all lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them
import { randomUUID } from 'node:crypto';
import { COMMENT_BODY_MAX_LENGTH, mentionToken, putBoardRecords, textContent } from '@samverka/model';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type ApiClient, addMember, createTestPartnership, type TestPartnership } from '../support/apiClient.ts';
import { policyServerSuite } from '../support/policyServer.ts';
import { synced } from '../support/syncClient.ts';

type Person = { client: ApiClient; userId: string; email: string };

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('comment threads over HTTP', () => {
  const t = policyServerSuite();
  let p: TestPartnership;
  let editor: Person;
  let commenter: Person;
  let other: TestPartnership;
  const goalId = randomUUID();
  const shapeId = 'shape:commented';
  let textDocId: string;
  let textAnchor: { start: string; end: string };

  beforeAll(async () => {
    p = await createTestPartnership(t.base, 'Owner');
    editor = await addMember(p, t.base, 'editor');
    commenter = await addMember(p, t.base, 'commenter');
    other = await createTestPartnership(t.base, 'Other');
    const imported = await p.owner.client.request(
      'POST',
      `/api/partnerships/${p.id}/register/goals.csv`,
      new TextEncoder().encode(`id,title,status\r\n${goalId},Shared goal,on-track\r\n`),
      { 'content-type': 'text/csv' },
    );
    expect(imported.status).toBe(200);
    const canvas = t.connectAs(p.owner.client.cookie, p.canvasId);
    await synced(canvas);
    canvas.doc.transact(() => putBoardRecords(canvas.doc, [{ id: shapeId, typeName: 'shape', type: 'geo' }]));
    const created = await p.owner.client.post(`/api/partnerships/${p.id}/documents`, { kind: 'text', title: 'Plan' });
    textDocId = created.body.document.id;
    const text = t.connectAs(p.owner.client.cookie, textDocId);
    await synced(text);
    const words = new Y.XmlText();
    text.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      textContent(text.doc).insert(0, [paragraph]);
      paragraph.insert(0, [words]);
      words.insert(0, 'the words we comment on');
    });
    textAnchor = {
      start: base64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(words, 4))),
      end: base64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(words, 9))),
    };
    // The server has every edit once a fresh client sees it.
    const check = t.connectAs(p.owner.client.cookie, textDocId);
    await synced(check);
    expect(textContent(check.doc).toString()).toContain('the words');
  }, 60_000);

  const start = (who: Person, anchor: unknown, body = 'A thought') =>
    who.client.post(`/api/partnerships/${p.id}/threads`, { anchor, body });

  it('starts threads on every kind of anchor and lists them with filters', async () => {
    const anchors = [
      { type: 'partnership' },
      { type: 'goal', goalId },
      { type: 'shape', documentId: p.canvasId, shapeId },
      { type: 'text', documentId: textDocId, ...textAnchor, quote: 'words' },
    ];
    for (const anchor of anchors) {
      const answer = await start(commenter, anchor);
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      expect(answer.body.thread.anchor).toEqual(anchor);
      expect(answer.body.thread.status).toBe('open');
      expect(answer.body.thread.unread).toBe(false);
      expect(answer.body.thread.messages[0].author).toMatchObject({ userId: commenter.userId, side: 'partner' });
    }
    const goals = await editor.client.get(`/api/partnerships/${p.id}/threads?anchorType=goal`);
    expect(goals.body.threads.map((x: any) => x.anchor.goalId)).toEqual([goalId]);
    expect(goals.body.threads[0].unread).toBe(true);
    const onCanvas = await editor.client.get(`/api/partnerships/${p.id}/threads?documentId=${p.canvasId}`);
    expect(onCanvas.body.threads.map((x: any) => x.anchor.type)).toEqual(['shape']);
    const bad = await editor.client.get(`/api/partnerships/${p.id}/threads?colour=red`);
    expect([bad.status, bad.body.error.id]).toEqual([400, 'unknown_field']);
  });

  it('replies, edits and deletes one’s own message; others get not_author', async () => {
    const thread = (await start(commenter, { type: 'partnership' })).body.thread;
    const reply = await editor.client.post(`/api/threads/${thread.id}/messages`, { body: '  Agreed  ' });
    expect(reply.status).toBe(201);
    expect(reply.body.message.body).toBe('Agreed');
    const id = reply.body.message.id;
    const foreign = await commenter.client.patch(`/api/messages/${id}`, { body: 'Hijacked' });
    expect([foreign.status, foreign.body.error.id]).toEqual([403, 'not_author']);
    const foreignDelete = await p.owner.client.delete(`/api/messages/${id}`);
    expect([foreignDelete.status, foreignDelete.body.error.id]).toEqual([403, 'not_author']);
    const edited = await editor.client.patch(`/api/messages/${id}`, { body: 'Agreed, with a caveat' });
    expect(edited.body.message).toMatchObject({ body: 'Agreed, with a caveat' });
    expect(edited.body.message.editedAt).not.toBeNull();
    const deleted = await editor.client.delete(`/api/messages/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.message).toMatchObject({ body: '', mentions: [] });
    expect(deleted.body.message.deletedAt).not.toBeNull();
    const list = await commenter.client.get(`/api/partnerships/${p.id}/threads`);
    const shown = list.body.threads.find((x: any) => x.id === thread.id);
    expect(shown.messages.map((m: any) => [m.body, m.deletedAt !== null])).toEqual([
      ['A thought', false],
      ['', true],
    ]);
    const editDeleted = await editor.client.patch(`/api/messages/${id}`, { body: 'Back' });
    expect(editDeleted.status).toBe(404);
  });

  it('refuses bad input with stable ids and stores nothing', async () => {
    const before = (await p.owner.client.get(`/api/partnerships/${p.id}/threads`)).body.threads.length;
    const cases: [unknown, number, string][] = [
      [{ anchor: { type: 'partnership' }, body: '   ' }, 400, 'validation_failed'],
      [{ anchor: { type: 'partnership' }, body: 'x'.repeat(COMMENT_BODY_MAX_LENGTH + 1) }, 400, 'validation_failed'],
      [{ anchor: { type: 'partnership' }, body: 'Hi', colour: 'red' }, 400, 'unknown_field'],
      [{ anchor: { type: 'partnership' }, body: `Hi ${mentionToken(other.owner.userId)}` }, 400, 'mention_not_member'],
      [{ anchor: { type: 'goal', goalId: randomUUID() }, body: 'Hi' }, 400, 'anchor_not_found'],
      [{ anchor: { type: 'risk', riskId: goalId }, body: 'Hi' }, 400, 'anchor_not_found'],
      [
        { anchor: { type: 'shape', documentId: p.canvasId, shapeId: 'shape:nope' }, body: 'Hi' },
        400,
        'anchor_not_found',
      ],
      [{ anchor: { type: 'shape', documentId: other.canvasId, shapeId }, body: 'Hi' }, 400, 'anchor_not_found'],
      [{ anchor: { type: 'shape', documentId: textDocId, shapeId }, body: 'Hi' }, 400, 'anchor_not_found'],
      [
        { anchor: { type: 'text', documentId: p.canvasId, ...textAnchor, quote: 'q' }, body: 'Hi' },
        400,
        'anchor_not_found',
      ],
      [
        {
          anchor: {
            type: 'text',
            documentId: textDocId,
            start: 'bm90IGEgcG9zaXRpb24=',
            end: textAnchor.end,
            quote: 'q',
          },
          body: 'Hi',
        },
        400,
        'anchor_not_found',
      ],
      [
        { anchor: { type: 'text', documentId: textDocId, start: '!!', end: '!!', quote: 'q' }, body: 'Hi' },
        400,
        'anchor_not_found',
      ],
      [{ anchor: { type: 'goal' }, body: 'Hi' }, 400, 'validation_failed'],
    ];
    for (const [body, status, id] of cases) {
      const answer = await commenter.client.post(`/api/partnerships/${p.id}/threads`, body);
      expect([answer.status, answer.body.error?.id], JSON.stringify(body).slice(0, 120)).toEqual([status, id]);
    }
    expect((await p.owner.client.get(`/api/partnerships/${p.id}/threads`)).body.threads.length).toBe(before);

    const thread = (await start(commenter, { type: 'partnership' })).body.thread;
    const replies: [unknown, string][] = [
      [{ body: '' }, 'validation_failed'],
      [{ body: 'Hi', extra: 1 }, 'unknown_field'],
      [{ body: `See ${mentionToken('nobody-at-all')}` }, 'mention_not_member'],
    ];
    for (const [body, id] of replies) {
      const answer = await editor.client.post(`/api/threads/${thread.id}/messages`, body);
      expect([answer.status, answer.body.error.id]).toEqual([400, id]);
    }
    const own = thread.messages[0].id;
    const badEdit = await commenter.client.patch(`/api/messages/${own}`, {
      body: `x ${mentionToken(other.owner.userId)}`,
    });
    expect([badEdit.status, badEdit.body.error.id]).toEqual([400, 'mention_not_member']);
    const after = (await p.owner.client.get(`/api/partnerships/${p.id}/threads`)).body.threads.find(
      (x: any) => x.id === thread.id,
    );
    expect(after.messages.map((m: any) => m.body)).toEqual(['A thought']);
  });

  it('lets commenters resolve and reopen only their own threads, editors any, and audits it', async () => {
    const mine = (await start(commenter, { type: 'partnership' })).body.thread;
    const theirs = (await start(editor, { type: 'partnership' })).body.thread;
    const resolved = await commenter.client.post(`/api/threads/${mine.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body.thread).toMatchObject({ status: 'resolved', resolvedBy: { userId: commenter.userId } });
    expect((await commenter.client.post(`/api/threads/${mine.id}/reopen`)).body.thread.status).toBe('open');
    const refused = await commenter.client.post(`/api/threads/${theirs.id}/resolve`);
    expect([refused.status, refused.body.error.id]).toEqual([403, 'forbidden']);
    expect((await editor.client.post(`/api/threads/${mine.id}/resolve`)).body.thread.status).toBe('resolved');
    const open = await editor.client.get(`/api/partnerships/${p.id}/threads?status=resolved`);
    expect(open.body.threads.map((x: any) => x.id)).toContain(mine.id);
    expect((await commenter.client.delete(`/api/threads/${mine.id}`)).status).toBe(403);
    expect((await editor.client.delete(`/api/threads/${mine.id}`)).status).toBe(204);
    expect((await editor.client.post(`/api/threads/${mine.id}/reopen`)).status).toBe(404);
    const audit = await p.owner.client.get(`/api/partnerships/${p.id}/audit`);
    const types = audit.body.events.filter((e: any) => e.details.threadId === mine.id).map((e: any) => e.type);
    expect(types.sort()).toEqual(['thread_deleted', 'thread_reopened', 'thread_resolved', 'thread_resolved']);
  });

  it('keeps unread per person, and marks one thread or all read', async () => {
    const thread = (await start(commenter, { type: 'partnership' })).body.thread;
    const seen = async (who: Person) =>
      (await who.client.get(`/api/partnerships/${p.id}/threads`)).body.threads.find((x: any) => x.id === thread.id)
        .unread;
    expect(await seen(commenter)).toBe(false);
    expect(await seen(editor)).toBe(true);
    const read = await editor.client.post(`/api/threads/${thread.id}/read`);
    expect(read.body.thread.unread).toBe(false);
    await commenter.client.post(`/api/threads/${thread.id}/messages`, { body: 'More' });
    expect(await seen(editor)).toBe(true);
    expect(await seen(commenter)).toBe(false);
    const all = await editor.client.post(`/api/partnerships/${p.id}/threads/read`);
    expect(all.body.threadIds).toContain(thread.id);
    expect(await seen(editor)).toBe(false);
  });

  it('fills the inbox with mentions and replies, newest first, and marks it read', async () => {
    const inboxOf = async (who: Person) => (await who.client.get('/api/inbox')).body;
    await editor.client.post('/api/inbox/read');
    const thread = (await start(commenter, { type: 'goal', goalId }, `Could you look, ${mentionToken(editor.userId)}?`))
      .body.thread;
    let inbox = await inboxOf(editor);
    expect(inbox.items[0]).toMatchObject({
      kind: 'mention',
      read: false,
      partnership: { id: p.id },
      thread: { id: thread.id, anchor: { type: 'goal', goalId } },
    });
    expect(inbox.unreadCount).toBe(1);
    await editor.client.post(`/api/threads/${thread.id}/messages`, { body: 'Looking' });
    await p.owner.client.post(`/api/threads/${thread.id}/messages`, { body: 'Me too' });
    const commenterInbox = await inboxOf(commenter);
    expect(commenterInbox.items.slice(0, 2).map((i: any) => [i.kind, i.message.body])).toEqual([
      ['reply', 'Me too'],
      ['reply', 'Looking'],
    ]);
    inbox = await inboxOf(editor);
    // Posting read the thread up to the editor's own message; the owner's came after.
    expect(inbox.items.slice(0, 2).map((i: any) => [i.kind, i.message.body, i.read])).toEqual([
      ['reply', 'Me too', false],
      ['mention', `Could you look, ${mentionToken(editor.userId)}?`, true],
    ]);
    expect(inbox.unreadCount).toBe(1);
    const marked = await editor.client.post('/api/inbox/read');
    expect(marked.body.threadIds).toEqual([thread.id]);
    expect((await inboxOf(editor)).unreadCount).toBe(0);
    expect((await inboxOf(other.owner)).items).toEqual([]);
  });

  it('answers ids of another partnership exactly like unknown ids', async () => {
    const thread = (await start(commenter, { type: 'partnership' })).body.thread;
    const messageId = thread.messages[0].id;
    const outsider = other.owner.client;
    const probes: [string, string, unknown?][] = [
      ['GET', `/api/partnerships/${p.id}/threads`],
      ['POST', `/api/partnerships/${p.id}/threads`, { anchor: { type: 'partnership' }, body: 'Hi' }],
      ['POST', `/api/threads/${thread.id}/messages`, { body: 'Hi' }],
      ['POST', `/api/threads/${thread.id}/resolve`],
      ['POST', `/api/threads/${thread.id}/read`],
      ['DELETE', `/api/threads/${thread.id}`],
      ['PATCH', `/api/messages/${messageId}`, { body: 'Hi' }],
      ['DELETE', `/api/messages/${messageId}`],
      ['GET', `/api/partnerships/${p.id}/events`],
    ];
    for (const [method, path, body] of probes) {
      const foreign = await outsider.request(method, path, body);
      const id = [p.id, thread.id, messageId].find((known) => path.includes(known)) as string;
      const unknown = await outsider.request(method, path.replace(id, 'unknownIdOfThisLength'), body);
      expect([foreign.status, foreign.body], `${method} ${path}`).toEqual([404, unknown.body]);
      expect(foreign.body.error.id).toBe('not_found');
    }
    const viewer = await addMember(p, t.base, 'viewer');
    const posted = await viewer.client.post(`/api/threads/${thread.id}/messages`, { body: 'Hi' });
    expect([posted.status, posted.body.error.id]).toEqual([403, 'forbidden']);
    const started = await viewer.client.post(`/api/partnerships/${p.id}/threads`, {
      anchor: { type: 'partnership' },
      body: 'Hi',
    });
    expect(started.status).toBe(403);
  });
});

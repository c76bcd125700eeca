// biome-ignore-all lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them
import {
  type Action,
  addShapes,
  boardRecords,
  imageAsset,
  PERMISSIONS,
  type Role,
  sharedAssetPath,
} from '@samverka/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createApp } from '../../src/app.ts';
import { sha256Hex } from '../../src/auth/sessionTokens.ts';
import { loadConfig } from '../../src/config.ts';
import { randomId } from '../../src/ids.ts';
import { createLogger } from '../../src/logger.ts';
import { openDatabase } from '../../src/storage/database.ts';
import {
  type ApiAnswer,
  ApiClient,
  addMember,
  createTestPartnership,
  type TestPartnership,
} from '../support/apiClient.ts';
import { type PolicyServer, startPolicyServer } from '../support/policyServer.ts';
import { connectClient, eventually, synced } from '../support/syncClient.ts';

const PASSWORD = 'correct horse battery staple';
type Caller = 'anonymous' | 'outsider' | Role;
/** Owners last: some of their calls (archive) change what others would see. */
const CALLERS: Caller[] = ['anonymous', 'outsider', 'viewer', 'commenter', 'editor', 'owner'];

interface Person {
  client: ApiClient;
  userId: string;
  email: string;
}

interface World {
  base: string;
  /** The server's SQLite folder, for probes that need a secret only an email would carry. */
  dataDir: string;
  p: TestPartnership;
  people: Record<Exclude<Caller, 'anonymous'>, Person>;
  /** A member whose role the PATCH probe changes. */
  target: Person;
}

interface Probe {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** A Server-Sent Events route: read the status, then hang up. */
  stream?: boolean;
  /** A route that answers with a redirect: its status, not the page it leads to. */
  redirect?: boolean;
}

/** The smallest thing that passes as a PNG: its signature and a few bytes. */
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

/**
 * Who may call each route: a policy action of the role table, `signedIn`,
 * `public`, or `invitationHolder`. `probe` builds a valid request for a caller
 * (setting up fresh targets for destructive calls).
 */
interface RouteExpectation {
  access: Action | 'signedIn' | 'public' | 'invitationHolder' | 'signedInInvitationHolder' | 'shareLinkHolder';
  status: number;
  /** Use a fresh session of the caller, because the call ends sessions, signs out or signs in as another. */
  freshSession?: boolean;
  /**
   * A POST a mail provider's server makes (RFC 8058 one-click unsubscribe): no Origin, authorised by
   * the token in its URL alone, never by a cookie. The CSRF test checks a foreign origin gets the same answer.
   */
  csrfExempt?: boolean;
  probe(world: World, caller: ApiClient): Promise<Probe> | Probe;
}

let counter = 0;
const unique = () => `matrix-${++counter}-${Date.now()}@example.org`;

async function freshInvitation(world: World): Promise<{ id: string; token: string }> {
  const answer = await world.people.owner.client.post(`/api/partnerships/${world.p.id}/invitations`, {
    email: unique(),
    role: 'viewer',
    side: 'partner',
  });
  return { id: answer.body.invitation.id, token: answer.body.url.split('/').pop() };
}

/** A reset token for `userId`, stored as the server would (only its hash); the email is not what is tested here. */
async function resetTokenFor(world: World, userId: string): Promise<string> {
  const token = randomId(32);
  const database = openDatabase({ dataDir: world.dataDir, databaseUrl: undefined });
  try {
    const now = Date.now();
    await database.db
      .insertInto('password_resets')
      .values({
        token_hash: sha256Hex(token),
        user_id: userId,
        created_at: now,
        expires_at: now + 60_000,
        used_at: null,
      })
      .execute();
  } finally {
    await database.close();
  }
  return token;
}

/** A verification or unsubscribe token for `userId`, stored as the server would (only its hash). */
async function emailLinkTokenFor(world: World, kind: 'verify' | 'unsubscribe', userId: string): Promise<string> {
  const token = randomId(32);
  const database = openDatabase({ dataDir: world.dataDir, databaseUrl: undefined });
  try {
    const now = Date.now();
    const expiry = { token_hash: sha256Hex(token), user_id: userId, created_at: now, expires_at: now + 60_000 };
    if (kind === 'unsubscribe') await database.db.insertInto('unsubscribe_tokens').values(expiry).execute();
    else {
      const user = await database.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      await database.db
        .insertInto('email_verifications')
        .values({ ...expiry, email: user.email, used_at: null })
        .execute();
    }
  } finally {
    await database.close();
  }
  return token;
}

async function ownerThread(world: World): Promise<string> {
  const created = await world.people.owner.client.post(`/api/partnerships/${world.p.id}/threads`, {
    anchor: { type: 'partnership' },
    body: `Thread ${counter++}`,
  });
  return created.body.thread.id;
}

/** A fresh snapshot of the partnership, taken by its owner. */
async function ownerSnapshot(world: World): Promise<string> {
  const created = await world.people.owner.client.post(`/api/partnerships/${world.p.id}/snapshots`, {
    name: `Snapshot ${counter++}`,
  });
  return created.body.snapshot.id;
}

/** A fresh share link of a fresh snapshot: its id and token. */
async function ownerShareLink(world: World): Promise<{ snapshotId: string; linkId: string; token: string }> {
  const snapshotId = await ownerSnapshot(world);
  const created = await world.people.owner.client.post(`/api/snapshots/${snapshotId}/links`, {});
  return { snapshotId, linkId: created.body.link.id, token: created.body.url.split('/').pop() };
}

/** An image on the partnership's board (uploaded, its asset record synced; once per world), for snapshots to show. */
const shownImages = new WeakMap<World, Promise<string>>();
function imageOnBoard(world: World): Promise<string> {
  let shown = shownImages.get(world);
  if (!shown) {
    shown = (async () => {
      const { owner } = world.people;
      const uploaded = await owner.client.request('POST', `/api/documents/${world.p.canvasId}/assets`, PNG_BYTES, {
        'content-type': 'image/png',
      });
      const { id, src } = uploaded.body.asset as { id: string; src: string };
      const writer = connectClient(world.base, world.p.canvasId, new Y.Doc(), {
        headers: { cookie: owner.client.cookie ?? '' },
      });
      try {
        await synced(writer);
        addShapes(writer.doc, [imageAsset(`asset:${id}`, src)]);
        const reader = connectClient(world.base, world.p.canvasId, new Y.Doc(), {
          headers: { cookie: owner.client.cookie ?? '' },
        });
        try {
          await eventually(() => reader.provider.synced && boardRecords(reader.doc).has(`asset:${id}`), 'the image');
        } finally {
          reader.destroy();
        }
      } finally {
        writer.destroy();
      }
      return id;
    })();
    shownImages.set(world, shown);
  }
  return shown;
}

/** A thread the caller started when their role lets them comment, else one of the owner's. */
async function callersThread(world: World, caller: ApiClient): Promise<string> {
  const created = await caller.post(`/api/partnerships/${world.p.id}/threads`, {
    anchor: { type: 'partnership' },
    body: `Mine ${counter++}`,
  });
  return created.status === 201 ? created.body.thread.id : ownerThread(world);
}

/** A message the caller wrote when their role lets them comment, else one of the owner's. */
async function callersMessage(world: World, caller: ApiClient): Promise<string> {
  const threadId = await ownerThread(world);
  const posted = await caller.post(`/api/threads/${threadId}/messages`, { body: `Reply ${counter++}` });
  if (posted.status === 201) return posted.body.message.id;
  const own = await world.people.owner.client.post(`/api/threads/${threadId}/messages`, { body: 'Owner reply' });
  return own.body.message.id;
}

/** The status of a streaming answer (and its error body when it is not a stream), then hangs up. */
async function streamAnswer(base: string, probe: Probe, caller: ApiClient): Promise<ApiAnswer<any>> {
  const abort = new AbortController();
  const response = await fetch(base + probe.path, {
    headers: caller.cookie ? { cookie: caller.cookie } : {},
    signal: abort.signal,
  });
  const isStream = (response.headers.get('content-type') ?? '').includes('text/event-stream');
  const body = isStream ? undefined : await response.json();
  abort.abort();
  return { status: response.status, body, headers: response.headers };
}

/** The status of a redirecting answer, not followed. */
async function redirectAnswer(base: string, probe: Probe, caller: ApiClient): Promise<ApiAnswer<any>> {
  const response = await fetch(base + probe.path, {
    headers: caller.cookie ? { cookie: caller.cookie } : {},
    redirect: 'manual',
  });
  await response.body?.cancel();
  return { status: response.status, body: undefined, headers: response.headers };
}

/**
 * One OpenID Connect provider whose issuer nothing answers: `start` redirects back to the sign-in
 * page (provider unavailable), `callback` without this browser's state does too. Both public.
 */
const MATRIX_OIDC_ENV = {
  OIDC_PROVIDERS: 'matrix',
  OIDC_MATRIX_ISSUER: 'http://127.0.0.1:9/matrix',
  OIDC_MATRIX_CLIENT_ID: 'samverka',
  OIDC_MATRIX_NAME: 'Matrix',
};

const ROUTES: Record<string, RouteExpectation> = {
  'POST /api/auth/signup': {
    access: 'public',
    status: 201,
    freshSession: true,
    probe: () => ({
      method: 'POST',
      path: '/api/auth/signup',
      body: { email: unique(), password: PASSWORD, name: 'M' },
    }),
  },
  'GET /api/auth/signup-policy': {
    access: 'public',
    status: 200,
    probe: () => ({ method: 'GET', path: '/api/auth/signup-policy' }),
  },
  'GET /api/auth/oidc/providers': {
    access: 'public',
    status: 200,
    probe: () => ({ method: 'GET', path: '/api/auth/oidc/providers' }),
  },
  'GET /api/auth/oidc/:provider/start': {
    access: 'public',
    status: 302,
    probe: () => ({ method: 'GET', path: '/api/auth/oidc/matrix/start', redirect: true }),
  },
  'GET /api/auth/oidc/:provider/callback': {
    access: 'public',
    status: 302,
    probe: () => ({ method: 'GET', path: '/api/auth/oidc/matrix/callback?code=c&state=s', redirect: true }),
  },
  'POST /api/auth/login': {
    access: 'public',
    status: 200,
    freshSession: true,
    probe: (w) => ({ method: 'POST', path: '/api/auth/login', body: { email: w.target.email, password: PASSWORD } }),
  },
  'POST /api/auth/logout': {
    access: 'public',
    status: 204,
    freshSession: true,
    probe: () => ({ method: 'POST', path: '/api/auth/logout' }),
  },
  'GET /api/me': { access: 'signedIn', status: 200, probe: () => ({ method: 'GET', path: '/api/me' }) },
  'PATCH /api/me': {
    access: 'signedIn',
    status: 200,
    probe: () => ({ method: 'PATCH', path: '/api/me', body: { locale: 'sv' } }),
  },
  'GET /api/me/export': { access: 'signedIn', status: 200, probe: () => ({ method: 'GET', path: '/api/me/export' }) },
  'DELETE /api/me': {
    access: 'signedIn',
    // Probed with a wrong password, so the matrix's people survive; accountDeletion.test.ts deletes for real.
    status: 403,
    probe: () => ({ method: 'DELETE', path: '/api/me', body: { password: 'not the password at all' } }),
  },
  'POST /api/auth/password-reset': {
    access: 'public',
    status: 204,
    probe: (w) => ({ method: 'POST', path: '/api/auth/password-reset', body: { email: w.target.email } }),
  },
  'POST /api/auth/password-reset/confirm': {
    access: 'public',
    status: 200,
    freshSession: true,
    probe: async (w) => ({
      method: 'POST',
      path: '/api/auth/password-reset/confirm',
      body: { token: await resetTokenFor(w, w.target.userId), newPassword: PASSWORD },
    }),
  },
  'GET /api/session': { access: 'public', status: 200, probe: () => ({ method: 'GET', path: '/api/session' }) },
  'GET /api/email/verify': {
    access: 'public',
    status: 200,
    probe: async (w) => ({
      method: 'GET',
      path: `/api/email/verify?token=${await emailLinkTokenFor(w, 'verify', w.target.userId)}`,
    }),
  },
  'POST /api/email/verify': {
    access: 'public',
    status: 200,
    probe: async (w) => ({
      method: 'POST',
      path: `/api/email/verify?token=${await emailLinkTokenFor(w, 'verify', w.target.userId)}`,
    }),
  },
  'POST /api/auth/verify-email/resend': {
    access: 'signedIn',
    status: 204,
    probe: () => ({ method: 'POST', path: '/api/auth/verify-email/resend' }),
  },
  'GET /api/email/unsubscribe': {
    access: 'public',
    status: 200,
    probe: async (w) => ({
      method: 'GET',
      path: `/api/email/unsubscribe?token=${await emailLinkTokenFor(w, 'unsubscribe', w.target.userId)}`,
    }),
  },
  'POST /api/email/unsubscribe': {
    access: 'public',
    status: 200,
    csrfExempt: true,
    probe: async (w) => ({
      method: 'POST',
      path: `/api/email/unsubscribe?token=${await emailLinkTokenFor(w, 'unsubscribe', w.target.userId)}`,
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
  },
  'POST /api/auth/password': {
    access: 'signedIn',
    status: 200,
    freshSession: true,
    probe: () => ({
      method: 'POST',
      path: '/api/auth/password',
      body: { currentPassword: PASSWORD, newPassword: PASSWORD },
    }),
  },
  'GET /api/sessions': { access: 'signedIn', status: 200, probe: () => ({ method: 'GET', path: '/api/sessions' }) },
  'DELETE /api/sessions/others': {
    access: 'signedIn',
    status: 200,
    freshSession: true,
    probe: () => ({ method: 'DELETE', path: '/api/sessions/others' }),
  },
  'DELETE /api/sessions/:sessionId': {
    access: 'signedIn',
    status: 204,
    freshSession: true,
    async probe(_w, caller) {
      const mine = await caller.get('/api/sessions');
      const current =
        mine.status === 200 ? mine.body.sessions.find((s: { current: boolean }) => s.current).id : 'x'.repeat(20);
      return { method: 'DELETE', path: `/api/sessions/${current}` };
    },
  },
  'POST /api/partnerships': {
    access: 'signedIn',
    status: 201,
    probe: () => ({
      method: 'POST',
      path: '/api/partnerships',
      body: { name: 'M', universityName: 'U', partnerName: 'P', side: 'university' },
    }),
  },
  'GET /api/partnerships': {
    access: 'signedIn',
    status: 200,
    probe: () => ({ method: 'GET', path: '/api/partnerships' }),
  },
  'GET /api/partnerships/:id': {
    access: 'read',
    status: 200,
    probe: (w) => ({ method: 'GET', path: `/api/partnerships/${w.p.id}` }),
  },
  'PATCH /api/partnerships/:id': {
    access: 'managePartnership',
    status: 200,
    probe: (w) => ({ method: 'PATCH', path: `/api/partnerships/${w.p.id}`, body: { name: `Renamed ${counter++}` } }),
  },
  'POST /api/partnerships/:id/archive': {
    access: 'managePartnership',
    status: 200,
    probe: (w) => ({ method: 'POST', path: `/api/partnerships/${w.p.id}/archive` }),
  },
  'GET /api/partnerships/:id/documents': {
    access: 'read',
    status: 200,
    probe: (w) => ({ method: 'GET', path: `/api/partnerships/${w.p.id}/documents` }),
  },
  'POST /api/partnerships/:id/documents': {
    access: 'edit',
    status: 201,
    probe: (w) => ({
      method: 'POST',
      path: `/api/partnerships/${w.p.id}/documents`,
      body: { kind: 'text', title: 'Plan', template: 'annual-plan' },
    }),
  },
  'GET /api/documents/:documentId/export': {
    access: 'read',
    status: 200,
    probe: async (w) => {
      const created = await w.people.owner.client.post(`/api/partnerships/${w.p.id}/documents`, {
        kind: 'text',
        title: 'Exported',
        template: 'annual-plan',
      });
      return { method: 'GET', path: `/api/documents/${created.body.document.id}/export?format=md` };
    },
  },
  'PATCH /api/documents/:documentId': {
    access: 'edit',
    status: 200,
    probe: (w) => ({
      method: 'PATCH',
      path: `/api/documents/${w.p.canvasId}`,
      body: { title: `Board ${counter++}`, archived: counter % 2 === 0 },
    }),
  },
  'DELETE /api/documents/:documentId': {
    access: 'managePartnership',
    status: 204,
    probe: async (w) => {
      const created = await w.people.owner.client.post(`/api/partnerships/${w.p.id}/documents`, {
        kind: 'text',
        title: 'To delete',
      });
      return { method: 'DELETE', path: `/api/documents/${created.body.document.id}` };
    },
  },
  'GET /api/partnerships/:id/register/goals.csv': {
    access: 'read',
    status: 200,
    probe: (w) => ({ method: 'GET', path: `/api/partnerships/${w.p.id}/register/goals.csv` }),
  },
  'POST /api/partnerships/:id/register/goals.csv': {
    access: 'edit',
    status: 200,
    probe: (w) => ({
      method: 'POST',
      path: `/api/partnerships/${w.p.id}/register/goals.csv`,
      body: new TextEncoder().encode(`title,status\r\nGoal ${counter++},on-track\r\n`),
      headers: { 'content-type': 'text/csv' },
    }),
  },
  'GET /api/partnerships/:id/register/risks.csv': {
    access: 'read',
    status: 200,
    probe: (w) => ({ method: 'GET', path: `/api/partnerships/${w.p.id}/register/risks.csv` }),
  },
  'POST /api/partnerships/:id/register/risks.csv': {
    access: 'edit',
    status: 200,
    probe: (w) => ({
      method: 'POST',
      path: `/api/partnerships/${w.p.id}/register/risks.csv`,
      body: new TextEncoder().encode(
        `title,category,likelihood,impact,status\r\nRisk ${counter++},financial,2,3,open\r\n`,
      ),
      headers: { 'content-type': 'text/csv' },
    }),
  },
  'POST /api/documents/:documentId/assets': {
    access: 'edit',
    status: 201,
    probe: (w) => ({
      method: 'POST',
      path: `/api/documents/${w.p.canvasId}/assets`,
      body: PNG_BYTES,
      headers: { 'content-type': 'image/png' },
    }),
  },
  'GET /api/assets/:assetId': {
    access: 'read',
    status: 200,
    probe: async (w) => {
      const uploaded = await w.people.owner.client.request('POST', `/api/documents/${w.p.canvasId}/assets`, PNG_BYTES, {
        'content-type': 'image/png',
      });
      return { method: 'GET', path: uploaded.body.asset.src };
    },
  },
  'GET /api/partnerships/:id/members': {
    access: 'read',
    status: 200,
    probe: (w) => ({ method: 'GET', path: `/api/partnerships/${w.p.id}/members` }),
  },
  'PATCH /api/partnerships/:id/members/:userId': {
    access: 'manageMembers',
    status: 200,
    probe: (w) => ({
      method: 'PATCH',
      path: `/api/partnerships/${w.p.id}/members/${w.target.userId}`,
      body: { role: counter++ % 2 ? 'commenter' : 'viewer' },
    }),
  },
  'DELETE /api/partnerships/:id/members/:userId': {
    access: 'manageMembers',
    status: 204,
    async probe(w) {
      const doomed = await addMember(w.p, w.base, 'viewer');
      return { method: 'DELETE', path: `/api/partnerships/${w.p.id}/members/${doomed.userId}` };
    },
  },
  'POST /api/partnerships/:id/invitations': {
    access: 'manageMembers',
    status: 201,
    probe: (w) => ({
      method: 'POST',
      path: `/api/partnerships/${w.p.id}/invitations`,
      body: { email: unique(), role: 'editor', side: 'partner' },
    }),
  },
  'GET /api/partnerships/:id/invitations': {
    access: 'manageMembers',
    status: 200,
    probe: (w) => ({ method: 'GET', path: `/api/partnerships/${w.p.id}/invitations` }),
  },
  'DELETE /api/partnerships/:id/invitations/:invitationId': {
    access: 'manageMembers',
    status: 204,
    async probe(w) {
      const invitation = await freshInvitation(w);
      return { method: 'DELETE', path: `/api/partnerships/${w.p.id}/invitations/${invitation.id}` };
    },
  },
  'GET /api/invitations/:token': {
    access: 'invitationHolder',
    status: 200,
    async probe(w) {
      const invitation = await freshInvitation(w);
      return { method: 'GET', path: `/api/invitations/${invitation.token}` };
    },
  },
  'POST /api/invitations/:token/accept': {
    access: 'signedInInvitationHolder',
    status: 200,
    async probe(w) {
      // The invitation is for someone else: only its invitee may accept (tested in badInput).
      const invitation = await freshInvitation(w);
      return { method: 'POST', path: `/api/invitations/${invitation.token}/accept` };
    },
  },
  'GET /api/partnerships/:id/audit': {
    access: 'readAudit',
    status: 200,
    probe: (w) => ({ method: 'GET', path: `/api/partnerships/${w.p.id}/audit` }),
  },
  'GET /api/partnerships/:id/threads': {
    access: 'read',
    status: 200,
    probe: (w) => ({ method: 'GET', path: `/api/partnerships/${w.p.id}/threads?status=open` }),
  },
  'POST /api/partnerships/:id/threads': {
    access: 'comment',
    status: 201,
    probe: (w) => ({
      method: 'POST',
      path: `/api/partnerships/${w.p.id}/threads`,
      body: { anchor: { type: 'partnership' }, body: `About this ${counter++}` },
    }),
  },
  'POST /api/partnerships/:id/threads/read': {
    access: 'read',
    status: 200,
    probe: (w) => ({ method: 'POST', path: `/api/partnerships/${w.p.id}/threads/read` }),
  },
  'POST /api/threads/:threadId/messages': {
    access: 'comment',
    status: 201,
    probe: async (w) => ({
      method: 'POST',
      path: `/api/threads/${await ownerThread(w)}/messages`,
      body: { body: 'A reply' },
    }),
  },
  'PATCH /api/messages/:messageId': {
    access: 'comment',
    status: 200,
    probe: async (w, caller) => ({
      method: 'PATCH',
      path: `/api/messages/${await callersMessage(w, caller)}`,
      body: { body: 'Edited' },
    }),
  },
  'DELETE /api/messages/:messageId': {
    access: 'comment',
    status: 200,
    probe: async (w, caller) => ({ method: 'DELETE', path: `/api/messages/${await callersMessage(w, caller)}` }),
  },
  'POST /api/threads/:threadId/resolve': {
    access: 'resolveOwnThread',
    status: 200,
    probe: async (w, caller) => ({ method: 'POST', path: `/api/threads/${await callersThread(w, caller)}/resolve` }),
  },
  'POST /api/threads/:threadId/reopen': {
    access: 'resolveOwnThread',
    status: 200,
    probe: async (w, caller) => ({ method: 'POST', path: `/api/threads/${await callersThread(w, caller)}/reopen` }),
  },
  'DELETE /api/threads/:threadId': {
    access: 'resolveAnyThread',
    status: 204,
    probe: async (w) => ({ method: 'DELETE', path: `/api/threads/${await ownerThread(w)}` }),
  },
  'POST /api/threads/:threadId/read': {
    access: 'read',
    status: 200,
    probe: async (w) => ({ method: 'POST', path: `/api/threads/${await ownerThread(w)}/read` }),
  },
  'GET /api/partnerships/:id/events': {
    access: 'read',
    status: 200,
    probe: (w) => ({ method: 'GET', path: `/api/partnerships/${w.p.id}/events`, stream: true }),
  },
  'GET /api/inbox': { access: 'signedIn', status: 200, probe: () => ({ method: 'GET', path: '/api/inbox' }) },
  'POST /api/inbox/read': {
    access: 'signedIn',
    status: 200,
    probe: () => ({ method: 'POST', path: '/api/inbox/read' }),
  },
  'POST /api/partnerships/:id/snapshots': {
    access: 'createSnapshot',
    status: 201,
    probe: (w) => ({ method: 'POST', path: `/api/partnerships/${w.p.id}/snapshots`, body: { name: 'Review' } }),
  },
  'GET /api/partnerships/:id/snapshots': {
    access: 'read',
    status: 200,
    probe: (w) => ({ method: 'GET', path: `/api/partnerships/${w.p.id}/snapshots` }),
  },
  'GET /api/snapshots/:snapshotId': {
    access: 'read',
    status: 200,
    probe: async (w) => ({ method: 'GET', path: `/api/snapshots/${await ownerSnapshot(w)}` }),
  },
  'PATCH /api/snapshots/:snapshotId': {
    access: 'manageSnapshots',
    status: 200,
    probe: async (w) => ({
      method: 'PATCH',
      path: `/api/snapshots/${await ownerSnapshot(w)}`,
      body: { name: `Renamed ${counter++}` },
    }),
  },
  'DELETE /api/snapshots/:snapshotId': {
    access: 'manageSnapshots',
    status: 204,
    probe: async (w) => ({ method: 'DELETE', path: `/api/snapshots/${await ownerSnapshot(w)}` }),
  },
  'GET /api/snapshots/:snapshotId/documents/:documentId': {
    access: 'read',
    status: 200,
    probe: async (w) => ({
      method: 'GET',
      path: `/api/snapshots/${await ownerSnapshot(w)}/documents/${w.p.registerId}`,
    }),
  },
  'GET /api/snapshots/:snapshotId/compare': {
    access: 'read',
    status: 200,
    probe: async (w) => ({ method: 'GET', path: `/api/snapshots/${await ownerSnapshot(w)}/compare?with=now` }),
  },
  'POST /api/snapshots/:snapshotId/acknowledgements': {
    access: 'acknowledgeSnapshot',
    status: 201,
    probe: async (w) => ({ method: 'POST', path: `/api/snapshots/${await ownerSnapshot(w)}/acknowledgements` }),
  },
  'POST /api/snapshots/:snapshotId/links': {
    access: 'createSnapshot',
    status: 201,
    probe: async (w) => ({ method: 'POST', path: `/api/snapshots/${await ownerSnapshot(w)}/links`, body: {} }),
  },
  'GET /api/snapshots/:snapshotId/links': {
    access: 'manageSnapshotLinks',
    status: 200,
    probe: async (w) => ({ method: 'GET', path: `/api/snapshots/${await ownerSnapshot(w)}/links` }),
  },
  'DELETE /api/snapshots/:snapshotId/links/:linkId': {
    access: 'manageSnapshotLinks',
    status: 204,
    probe: async (w) => {
      const link = await ownerShareLink(w);
      return { method: 'DELETE', path: `/api/snapshots/${link.snapshotId}/links/${link.linkId}` };
    },
  },
  'GET /api/shared/:token': {
    access: 'shareLinkHolder',
    status: 200,
    probe: async (w) => ({ method: 'GET', path: `/api/shared/${(await ownerShareLink(w)).token}` }),
  },
  'GET /api/shared/:token/documents/:documentId': {
    access: 'shareLinkHolder',
    status: 200,
    probe: async (w) => ({
      method: 'GET',
      path: `/api/shared/${(await ownerShareLink(w)).token}/documents/${w.p.canvasId}`,
    }),
  },
  'GET /api/shared/:token/assets/:assetId': {
    access: 'shareLinkHolder',
    status: 200,
    probe: async (w) => {
      const assetId = await imageOnBoard(w);
      return { method: 'GET', path: sharedAssetPath((await ownerShareLink(w)).token, assetId) };
    },
  },
  'GET /api/openapi.json': {
    access: 'public',
    status: 200,
    probe: () => ({ method: 'GET', path: '/api/openapi.json' }),
  },
  'GET /api/docs': { access: 'public', status: 200, probe: () => ({ method: 'GET', path: '/api/docs' }) },
};

/** The status the role table promises a caller. */
function expectedStatus(route: RouteExpectation, caller: Caller): number {
  switch (route.access) {
    case 'public':
      return route.status;
    case 'signedIn':
      return caller === 'anonymous' ? 401 : route.status;
    case 'invitationHolder':
      // Any holder of the token may preview it.
      return route.status;
    case 'shareLinkHolder':
      // The link is the credential: whoever holds it reads its snapshot, signed in or not.
      return route.status;
    case 'signedInInvitationHolder':
      // Only the invitee may accept: every other signed-in holder is refused (checked below).
      return caller === 'anonymous' ? 401 : 403;
    default:
      if (caller === 'anonymous') return 401;
      if (caller === 'outsider') return 404;
      return PERMISSIONS[route.access][caller] ? route.status : 403;
  }
}

/**
 * Every API route Hono has registered, as `METHOD path` (middleware and the 404
 * fallback excluded), and the access each route's spec declares.
 */
function registeredApiRoutes(): { routes: string[]; declaredAccess: Record<string, string> } {
  const database = openDatabase({ dataDir: '/tmp/unused-matrix-introspection', databaseUrl: undefined });
  const { app, keepAlive, operations } = createApp(
    loadConfig({ PORT: '0', DATA_DIR: '/tmp' }),
    database,
    createLogger('silent'),
  );
  keepAlive.stop();
  void database.close();
  const routes = app.routes
    .filter((route) => route.path.startsWith('/api/') && route.method !== 'ALL')
    .map((route) => `${route.method} ${route.path}`);
  const declaredAccess = Object.fromEntries(
    operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op.access]),
  );
  return { routes: [...new Set(routes)], declaredAccess };
}

function openSocket(base: string, documentId: string, cookie: string | undefined): Promise<number | 'open'> {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/sync/${documentId}`, {
    headers: cookie ? { cookie } : {},
  });
  return new Promise((resolve) => {
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => resolve(0));
  });
}

describe('permission matrix: every route and the sync endpoint against the role table', () => {
  let t: PolicyServer;
  let world: World;

  beforeAll(async () => {
    // The owner starts a thread for most probes, far more than a person's posting budget per minute;
    // likewise its snapshots; the matrix checks rights, and the budgets have their own tests
    // (server/test/abuse/commentFlood.test.ts, snapshotFlood.test.ts).
    t = await startPolicyServer({
      ...MATRIX_OIDC_ENV,
      COMMENT_POSTS_PER_MINUTE: '100000',
      SNAPSHOT_WRITES_PER_HOUR: '100000',
    });
    const base = t.server.url;
    const p = await createTestPartnership(base, 'owner');
    const other = await createTestPartnership(base, 'outsider');
    world = {
      base,
      dataDir: t.dataDir,
      p,
      people: {
        owner: p.owner,
        editor: await addMember(p, base, 'editor'),
        commenter: await addMember(p, base, 'commenter'),
        viewer: await addMember(p, base, 'viewer'),
        outsider: other.owner,
      },
      target: await addMember(p, base, 'viewer'),
    };
  }, 60_000);
  afterAll(() => t.dispose());

  it('has an expectation for every registered API route (a new route without one fails here)', () => {
    const { routes: registered } = registeredApiRoutes();
    const missing = registered.filter((route) => !(route in ROUTES));
    expect(missing, 'routes without a policy expectation').toEqual([]);
    const stale = Object.keys(ROUTES).filter((route) => !registered.includes(route));
    expect(stale, 'expectations for routes that no longer exist').toEqual([]);
  });

  it("declares in each route's spec the access its expectation names (the router enforces the spec)", () => {
    const { declaredAccess } = registeredApiRoutes();
    const expected = Object.fromEntries(Object.entries(ROUTES).map(([key, route]) => [key, route.access]));
    expect(declaredAccess).toEqual(expected);
  });

  it('refuses every state-changing route from a foreign origin with csrf_rejected, before anything else (run first: later probes archive the partnership)', async () => {
    const unsafe = Object.entries(ROUTES).filter(([key]) => !key.startsWith('GET '));
    expect(unsafe.length).toBeGreaterThan(0);
    const refusals: Record<string, string> = {};
    for (const [key, route] of unsafe) {
      const owner = world.people.owner.client;
      const foreign = new ApiClient(world.base, 'http://evil.example');
      foreign.cookie = owner.cookie;
      const probe = await route.probe(world, owner);
      const answer = await foreign.request(probe.method, probe.path, probe.body, probe.headers);
      refusals[key] = `${answer.status} ${answer.body?.error?.id}`;
    }
    const expected = (route: RouteExpectation) =>
      route.csrfExempt ? `${route.status} undefined` : '403 csrf_rejected';
    expect(refusals).toEqual(Object.fromEntries(unsafe.map(([key, route]) => [key, expected(route)])));
    // The exempt one-click POST does nothing without its token, cookie or not.
    for (const [key] of unsafe.filter(([, route]) => route.csrfExempt)) {
      const path = key.slice('POST '.length);
      const foreign = new ApiClient(world.base, 'http://evil.example');
      foreign.cookie = world.people.owner.client.cookie;
      expect((await foreign.post(path)).status).toBe(400);
      expect((await foreign.post(`${path}?token=${'a'.repeat(43)}`)).status).toBe(400);
    }
  });

  const ordered = Object.keys(ROUTES).sort((a, b) => Number(a.includes('/archive')) - Number(b.includes('/archive')));
  for (const key of ordered) {
    it(key, async () => {
      const route = ROUTES[key] as RouteExpectation;
      const answers: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const caller of CALLERS) {
        let client: ApiClient;
        if (caller === 'anonymous') client = new ApiClient(world.base);
        else if (route.freshSession) {
          client = new ApiClient(world.base);
          await client.post('/api/auth/login', { email: world.people[caller].email, password: PASSWORD });
        } else client = world.people[caller].client;
        const probe = await route.probe(world, client);
        const answer: ApiAnswer<any> = probe.stream
          ? await streamAnswer(world.base, probe, client)
          : probe.redirect
            ? await redirectAnswer(world.base, probe, client)
            : await client.request(probe.method, probe.path, probe.body, probe.headers);
        answers[caller] = answer.status;
        expected[caller] = expectedStatus(route, caller);
        if (expected[caller] === 403 && route.access === 'signedInInvitationHolder') {
          expect(answer.body.error.id).toBe('invitation_email_mismatch');
        }
        if (expected[caller] === 404) expect(answer.body.error.id).toBe('not_found');
        // Sessions may have been ended by the probe: sign the person in again for the next route.
        if (caller !== 'anonymous' && (await world.people[caller].client.get('/api/me')).status === 401) {
          await world.people[caller].client.post('/api/auth/login', {
            email: world.people[caller].email,
            password: PASSWORD,
          });
        }
      }
      expect(answers).toEqual(expected);
      // Six callers, some hashing passwords (argon2) for each: generous for a loaded 2-core machine.
    }, 30_000);
  }

  it('archived partnership: owners and editors still list and revoke share links, and a revoked link answers 404', async () => {
    const p = await createTestPartnership(world.base, 'archived-links');
    const editor = await addMember(p, world.base, 'editor');
    const viewer = await addMember(p, world.base, 'viewer');
    const snapshot = await p.owner.client.post(`/api/partnerships/${p.id}/snapshots`, { name: 'Before archive' });
    const snapshotId = snapshot.body.snapshot.id;
    const first = await editor.client.post(`/api/snapshots/${snapshotId}/links`, {});
    const second = await p.owner.client.post(`/api/snapshots/${snapshotId}/links`, {});
    expect([first.status, second.status]).toEqual([201, 201]);
    expect((await p.owner.client.post(`/api/partnerships/${p.id}/archive`)).status).toBe(200);

    // Creating stays content-changing and is refused; managing the existing links is not.
    const refused = await editor.client.post(`/api/snapshots/${snapshotId}/links`, {});
    expect([refused.status, refused.body.error.id]).toEqual([409, 'partnership_archived']);
    const links = `/api/snapshots/${snapshotId}/links`;
    const answers = {
      ownerList: (await p.owner.client.get(links)).status,
      editorList: (await editor.client.get(links)).status,
      viewerList: (await viewer.client.get(links)).status,
      viewerRevoke: (await viewer.client.request('DELETE', `${links}/${first.body.link.id}`)).status,
      editorRevoke: (await editor.client.request('DELETE', `${links}/${first.body.link.id}`)).status,
      ownerRevoke: (await p.owner.client.request('DELETE', `${links}/${second.body.link.id}`)).status,
    };
    expect(answers).toEqual({
      ownerList: 200,
      editorList: 200,
      viewerList: 403,
      viewerRevoke: 403,
      editorRevoke: 204,
      ownerRevoke: 204,
    });
    const holder = new ApiClient(world.base);
    for (const link of [first, second]) {
      const opened = await holder.get(`/api/shared/${link.body.url.split('/').pop()}`);
      expect(opened.status).toBe(404);
      expect(opened.body.error.id).toBe('not_found');
    }
  }, 60_000);

  it('GET /sync/:documentId: members connect, outsiders get 404 and anonymous 401 before any upgrade', async () => {
    const answers: Record<string, number | 'open'> = {};
    for (const caller of CALLERS) {
      const cookie = caller === 'anonymous' ? undefined : world.people[caller].client.cookie;
      answers[caller] = await openSocket(world.base, world.p.canvasId, cookie);
    }
    expect(answers).toEqual({
      anonymous: 401,
      outsider: 404,
      viewer: 'open',
      commenter: 'open',
      editor: 'open',
      owner: 'open',
    });
    expect(await openSocket(world.base, 'no-such-document', world.people.owner.client.cookie)).toBe(404);
  });
});

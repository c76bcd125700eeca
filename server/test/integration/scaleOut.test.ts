import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { CloseCode, ErrorId } from '@samverka/model';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { replayUpdateBatches } from '../../src/storage/replayUpdates.ts';
import type { DatabaseSchema } from '../../src/storage/schema.ts';
import { SqlUpdateLogStore } from '../../src/storage/sqlUpdateLogStore.ts';
import { EventStreamClient } from '../support/eventStreamClient.ts';
import { createTestDatabase, howToStartPostgres, postgresReachable } from '../support/postgres.ts';
import { ServerProcess } from '../support/serverProcess.ts';
import { connectClient, eventually, synced, type TestClient } from '../support/syncClient.ts';

/** Three processes behind an imagined load balancer: browsers come from this one origin. */
const ORIGIN = 'http://samverka.test';
const PASSWORD = 'correct horse battery staple';
/** Edits each client makes in the convergence burst (3 clients, one per process). */
const EDITS_PER_CLIENT = Number(process.env.SCALEOUT_EDITS ?? 1000);
/** Sockets one document may hold across all processes (above the per-account 20, so both are testable). */
const ROOM_CAPACITY = 30;

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * A Redis of this file's own, on a free port: the outage test stops and restarts
 * it, which must not disturb anything else using the machine's Redis.
 */
const REDIS_PORT = await freePort();
const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;
let redisProcess: ChildProcess | undefined;

const redisCli = (...args: string[]) =>
  execFileSync('redis-cli', ['-u', REDIS_URL, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const redisUp = () => {
  try {
    return redisCli('ping').trim() === 'PONG';
  } catch {
    return false;
  }
};
/** Starts this file's Redis unless it runs; resolves once it answers. */
async function startRedis(): Promise<void> {
  if (redisUp()) return;
  redisProcess = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(REDIS_PORT), '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  redisProcess.on('error', () => undefined);
  const deadline = Date.now() + 10_000;
  while (!redisUp() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

await startRedis();
const reachable = (await postgresReachable()) && redisUp();
if (!reachable && !process.env.CI) console.warn(`Skipping the scale-out test: needs Redis and ${howToStartPostgres}`);

describe.skipIf(!reachable && !process.env.CI)(
  'three server processes on one PostgreSQL, with Redis between them',
  () => {
    let database: { url: string; drop(): Promise<void> };
    const servers: ServerProcess[] = [];
    let owner: Account;
    let partnershipId: string;

    interface Account {
      cookie: string;
      email: string;
    }

    async function api<T>(
      server: ServerProcess,
      cookie: string | undefined,
      method: string,
      path: string,
      body?: unknown,
    ) {
      const response = await fetch(`${server.origin}${path}`, {
        method,
        headers: {
          origin: ORIGIN,
          ...(cookie ? { cookie } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, response };
    }

    async function signUp(server: ServerProcess, email = `p-${randomUUID()}@example.test`): Promise<Account> {
      const res = await api(server, undefined, 'POST', '/api/auth/signup', { email, password: PASSWORD, name: 'P' });
      if (res.status !== 201) throw new Error(`sign-up failed: ${res.status}`);
      return { email, cookie: (res.response.headers.get('set-cookie') ?? '').split(';')[0] as string };
    }

    async function newTextDocument(): Promise<string> {
      const res = await api<{ document: { id: string } }>(
        servers[0] as ServerProcess,
        owner.cookie,
        'POST',
        `/api/partnerships/${partnershipId}/documents`,
        { kind: 'text', title: 'Shared' },
      );
      if (res.status !== 201) throw new Error(`create document failed: ${res.status}`);
      return res.body.document.id;
    }

    const headers = (account: Account) => ({ cookie: account.cookie, origin: ORIGIN });
    /** What /readyz says about Redis, once it says it (a poll of up to 5 s for the state to settle). */
    async function readiness(server: ServerProcess) {
      let last = { status: 0, redis: '' };
      const deadline = Date.now() + 5000;
      do {
        const res = await fetch(`${server.origin}/readyz`);
        const body = (await res.json()) as { checks: Record<string, string> };
        last = { status: res.status, redis: body.checks.redis ?? 'missing' };
        if ((last.status === 200) === (last.redis === 'ok') && redisUp() === (last.redis === 'ok')) break;
        await new Promise((r) => setTimeout(r, 100));
      } while (Date.now() < deadline);
      return last;
    }

    /** Someone invited by the owner at `role` who signed up and accepted, with their user id. */
    async function joinAsMember(role: 'editor' | 'commenter' | 'viewer'): Promise<Account & { id: string }> {
      const [a, b] = servers as [ServerProcess, ServerProcess];
      const email = `m-${randomUUID()}@example.test`;
      const invited = await api<{ url: string }>(
        a,
        owner.cookie,
        'POST',
        `/api/partnerships/${partnershipId}/invitations`,
        {
          email,
          role,
          side: 'partner',
        },
      );
      const token = invited.body.url.split('/').pop() as string;
      const member = await signUp(b, email);
      expect((await api(b, member.cookie, 'POST', `/api/invitations/${token}/accept`)).status).toBe(200);
      const me = await api<{ user: { id: string } }>(a, member.cookie, 'GET', '/api/me');
      return { ...member, id: me.body.user.id };
    }

    const rawSocket = (server: ServerProcess, documentId: string, account: Account) =>
      new WebSocket(`${server.origin.replace(/^http/, 'ws')}/sync/${documentId}`, { headers: headers(account) });
    /** Resolves at the room's first frame (the socket has joined), rejects if it closes first. */
    const opened = (socket: WebSocket) =>
      new Promise<void>((resolve, reject) => {
        socket.once('message', () => resolve());
        socket.once('close', (code) => reject(new Error(`closed with ${code} before joining`)));
        socket.once('error', reject);
      });
    const closeOf = (socket: WebSocket) =>
      new Promise<{ code: number; at: number }>((resolve) =>
        socket.once('close', (code) => resolve({ code, at: performance.now() })),
      );

    /** Stops this file's Redis and waits until every running process reports it gone. */
    async function stopRedis(): Promise<void> {
      try {
        redisCli('shutdown', 'nosave');
      } catch {
        // redis-cli reports the connection it just lost
      }
      await eventually(() => !redisUp(), 'Redis to stop');
    }

    const client = (server: ServerProcess, documentId: string, account = owner) =>
      connectClient(server.origin, documentId, new Y.Doc(), { headers: headers(account) });

    beforeAll(async () => {
      if (!reachable) throw new Error(`needs Redis at ${REDIS_URL} and ${howToStartPostgres}`);
      database = await createTestDatabase('scaleout');
      const env = {
        DATABASE_URL: database.url,
        REDIS_URL,
        // Channels and counters of this run only: parallel suites sharing the Redis never meet.
        REDIS_PREFIX: `test-${randomUUID()}`,
        ALLOWED_ORIGINS: ORIGIN,
        // Compaction runs often, from several processes at once.
        SYNC_COMPACTION_THRESHOLD: '200',
        SYNC_ROOM_UNLOAD_GRACE_MS: '500',
        SYNC_AWARENESS_RATE: '1000',
        // Room capacity is counted across the processes; small enough for a test to fill.
        SYNC_MAX_CONNECTIONS_PER_DOCUMENT: String(ROOM_CAPACITY),
      };
      // One at a time: each runs the migrations on start.
      for (let i = 0; i < 3; i++) servers.push(await ServerProcess.start(env));
      owner = await signUp(servers[0] as ServerProcess);
      const created = await api<{ partnership: { id: string } }>(
        servers[0] as ServerProcess,
        owner.cookie,
        'POST',
        '/api/partnerships',
        { name: 'Scale-out', universityName: 'Linnaeus University', partnerName: 'Partner AB', side: 'university' },
      );
      partnershipId = created.body.partnership.id;
    }, 120_000);

    afterAll(async () => {
      await Promise.allSettled(servers.map((s) => s.stop()));
      await database?.drop();
      redisProcess?.kill();
    });

    /** Makes `count` random edits to a shared text and map, a few per tick, so clients interleave. */
    async function editRandomly(c: TestClient, count: number, label: string, pauseMs = 2): Promise<void> {
      const text = c.doc.getText('t');
      const map = c.doc.getMap('m');
      for (let i = 0; i < count; i++) {
        const roll = Math.random();
        if (roll < 0.6 || text.length < 10)
          text.insert(Math.floor(Math.random() * (text.length + 1)), `${label}${i % 10}`);
        else if (roll < 0.8) text.delete(Math.floor(Math.random() * (text.length - 3)), 3);
        else map.set(`k${Math.floor(Math.random() * 20)}`, `${label}-${i}`);
        if (i % 5 === 4) await new Promise((r) => setTimeout(r, pauseMs));
      }
    }

    const stateOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));
    /** The (client, clock) ranges `earlier` has that `later` lacks: empty when `later` holds all of it. */
    const missingFrom = (later: Map<number, number>, earlier: Map<number, number>) =>
      [...earlier].filter(([clientId, clock]) => (later.get(clientId) ?? 0) < clock);
    // Keys sorted: each replica lists a map's keys in its own insertion order.
    const mapContent = (doc: Y.Doc) => JSON.stringify(Object.entries(doc.getMap('m').toJSON()).sort());
    const sameState = (docs: Y.Doc[]) => {
      const first = docs[0] as Y.Doc;
      const vector = JSON.stringify([...stateOf(first)].sort());
      return docs.every(
        (d) =>
          JSON.stringify([...stateOf(d)].sort()) === vector &&
          d.getText('t').toString() === first.getText('t').toString() &&
          mapContent(d) === mapContent(first),
      );
    };

    /** What PostgreSQL holds for the document, replayed straight from the log (no server involved). */
    async function storedDoc(documentId: string): Promise<Y.Doc> {
      const db = new Kysely<DatabaseSchema>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }),
      });
      try {
        const store = new SqlUpdateLogStore(db, 'postgres');
        return (await replayUpdateBatches(store.loadUpdateBatches(documentId))).doc;
      } finally {
        await db.destroy();
      }
    }

    it(`clients on three processes make ${EDITS_PER_CLIENT} random concurrent edits each and converge`, async () => {
      const documentId = await newTextDocument();
      const clients = servers.map((s) => client(s, documentId));
      await Promise.all(clients.map((c) => synced(c)));
      const started = performance.now();
      await Promise.all(clients.map((c, i) => editRandomly(c, EDITS_PER_CLIENT, String.fromCharCode(97 + i))));
      await eventually(() => sameState(clients.map((c) => c.doc)), 'the three clients to converge', 60_000).catch(
        (e) => {
          console.log(
            clients.map((c) => [...stateOf(c.doc)]),
            servers.map((s) => s.log.slice(-3000)),
          );
          throw e;
        },
      );
      console.info(
        `scale-out: ${3 * EDITS_PER_CLIENT} edits converged in ${Math.round(performance.now() - started)} ms`,
      );
      // A newcomer on any process gets the same state; so does the stored log.
      for (const server of servers) {
        const fresh = client(server, documentId);
        await synced(fresh);
        expect(sameState([fresh.doc, (clients[0] as TestClient).doc])).toBe(true);
        fresh.destroy();
      }
      const stored = await storedDoc(documentId);
      expect(sameState([stored, (clients[0] as TestClient).doc])).toBe(true);
      for (const c of clients) c.destroy();
    }, 180_000);

    it('SIGKILL of one process during a burst: its clients move to another and nothing any client received is lost', async () => {
      const documentId = await newTextDocument();
      const [a, b, c] = servers as [ServerProcess, ServerProcess, ServerProcess];
      const clients = [client(a, documentId), client(b, documentId), client(c, documentId), client(c, documentId)];
      await Promise.all(clients.map((x) => synced(x)));
      // The load balancer sends the crashed process's clients to A when they reconnect.
      for (const moved of clients.slice(2)) {
        moved.provider.on('status', ({ status }: { status: string }) => {
          if (status === 'disconnected') moved.provider.serverUrl = `${a.origin.replace(/^http/, 'ws')}/sync`;
        });
      }
      // About 1.5 s of edits; the crash comes early in it.
      const burst = Promise.all(clients.map((x, i) => editRandomly(x, 300, String.fromCharCode(97 + i), 25)));
      await eventually(() => (clients[2] as TestClient).doc.getText('t').length > 150, 'the burst to be under way');
      await c.crash();
      // What every client holds the moment C is gone: all of it must be present afterwards.
      const atCrash = clients.map((x) => stateOf(x.doc));
      let burstOver = false;
      void burst.then(() => (burstOver = true));
      expect(burstOver).toBe(false);
      await burst;
      await eventually(() => sameState(clients.map((x) => x.doc)), 'every client to converge after the crash', 60_000);
      expect(clients.slice(2).every((x) => x.provider.wsconnected && x.provider.url.includes(`:${a.port}/`))).toBe(
        true,
      );
      // Everything the clients hold is stored, including all any of them had when C died.
      const stored = await storedDoc(documentId);
      expect(sameState([stored, (clients[0] as TestClient).doc])).toBe(true);
      for (const vector of atCrash) expect(missingFrom(stateOf(stored), vector)).toEqual([]);
      for (const x of clients) x.destroy();
      await c.launch();
    }, 180_000);

    it('a Redis restart during a burst: all processes converge again without a client reconnecting', async () => {
      const documentId = await newTextDocument();
      const clients = servers.map((s) => client(s, documentId));
      await Promise.all(clients.map((x) => synced(x)));
      let disconnects = 0;
      /** What every client held when Redis stopped. */
      const atOutage: Map<number, number>[] = [];
      for (const x of clients) {
        x.provider.on('status', ({ status }: { status: string }) => {
          if (status === 'disconnected') disconnects += 1;
        });
      }
      try {
        // About 4 s of edits, across the outage and after it.
        let burstOver = false;
        const burst = Promise.all(clients.map((x, i) => editRandomly(x, 400, String.fromCharCode(97 + i), 50)));
        void burst.then(() => (burstOver = true));
        await eventually(() => (clients[0] as TestClient).doc.getText('t').length > 100, 'the burst to be under way');
        await stopRedis();
        atOutage.push(...clients.map((x) => stateOf(x.doc)));
        // A process cut off from Redis leaves the load balancer's rotation (/readyz), not its clients.
        expect(await readiness(servers[0] as ServerProcess)).toEqual({ status: 503, redis: 'failing' });
        // Edits go on for a while with nothing relayed between processes.
        await new Promise((r) => setTimeout(r, 1000));
        await startRedis();
        expect(burstOver).toBe(false);
        await burst;
        await eventually(
          () => sameState(clients.map((x) => x.doc)),
          'the processes to converge after Redis came back',
          60_000,
        ).catch(async (e) => {
          const stored = stateOf(await storedDoc(documentId));
          console.log(
            'stored',
            [...stored],
            clients.map((x) => ({
              lacks: missingFrom(stateOf(x.doc), stored),
              extra: missingFrom(stored, stateOf(x.doc)),
            })),
            servers.map((s) => s.log.slice(-3000)),
          );
          throw e;
        });
        expect(await readiness(servers[0] as ServerProcess)).toEqual({ status: 200, redis: 'ok' });
      } finally {
        await startRedis();
      }
      expect(disconnects).toBe(0);
      const stored = await storedDoc(documentId);
      expect(sameState([stored, (clients[0] as TestClient).doc])).toBe(true);
      for (const vector of atOutage) expect(missingFrom(stateOf(stored), vector)).toEqual([]);
      for (const x of clients) x.destroy();
    }, 180_000);

    it('rights changed through A while Redis is down still reach B and C once it is back', async () => {
      const [a, b, c] = servers as [ServerProcess, ServerProcess, ServerProcess];
      const documentId = await newTextDocument();
      const removed = await joinAsMember('editor');
      const demoted = await joinAsMember('editor');
      const kept = await joinAsMember('editor');
      const sockets = {
        removedOnB: rawSocket(b, documentId, removed),
        removedOnC: rawSocket(c, documentId, removed),
        demotedOnC: rawSocket(c, documentId, demoted),
        keptOnB: rawSocket(b, documentId, kept),
      };
      await Promise.all(Object.values(sockets).map(opened));
      const stream = new EventStreamClient(`${b.origin}/api/partnerships/${partnershipId}/events`, removed.cookie);
      await stream.opened;
      const closes = Object.fromEntries(Object.entries(sockets).map(([name, socket]) => [name, closeOf(socket)]));
      let keptClosed = false;
      void closes.keptOnB?.then(() => (keptClosed = true));
      try {
        await stopRedis();
        // Every process has noticed: B and C will subscribe again (and re-check) when Redis returns.
        for (const server of servers) expect((await readiness(server)).redis).toBe('failing');
        const removal = await api(
          a,
          owner.cookie,
          'DELETE',
          `/api/partnerships/${partnershipId}/members/${removed.id}`,
        );
        expect(removal.status).toBe(204);
        const demotion = await api(
          a,
          owner.cookie,
          'PATCH',
          `/api/partnerships/${partnershipId}/members/${demoted.id}`,
          {
            role: 'viewer',
          },
        );
        expect(demotion.status).toBe(200);
        // A dies before Redis returns, taking the publishes it was holding for Redis with it:
        // the changes now exist only in PostgreSQL.
        await a.crash();
        await startRedis();
        const back = performance.now();
        // Bounded, so a failure says what is missing (and the finally below restarts A for the next tests).
        const [onB, onC, demotedOnC] = await Promise.race([
          Promise.all([closes.removedOnB, closes.removedOnC, closes.demotedOnC, stream.ended]),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('sockets still open 30 s after Redis was back')), 30_000),
          ),
        ]);
        console.info(
          `scale-out: missed rights changes applied ${[onB, onC, demotedOnC].map((x) => Math.round((x?.at ?? 0) - back)).join(', ')} ms after Redis was back`,
        );
        for (const close of [onB, onC, demotedOnC]) expect(close?.code).toBe(CloseCode.REAUTHORIZE);
        // The demoted editor is still a member: a new socket is let in (read-only); the removed person's is not.
        const again = rawSocket(c, documentId, demoted);
        await opened(again);
        again.close();
        const refused = await fetch(`${b.origin}/api/partnerships/${partnershipId}/events`, {
          headers: { cookie: removed.cookie },
        });
        expect(refused.status).toBe(404);
        // Untouched people keep their sockets through the re-check.
        await new Promise((r) => setTimeout(r, 500));
        expect(keptClosed).toBe(false);
      } finally {
        stream.close();
        for (const socket of Object.values(sockets)) socket.close();
        await startRedis();
        await a.launch();
      }
    }, 120_000);

    it('a person removed through process A has their sockets on B and C closed within 1 s', async () => {
      const [a, b, c] = servers as [ServerProcess, ServerProcess, ServerProcess];
      const documentId = await newTextDocument();
      const member = await joinAsMember('editor');
      const sockets = [b, c].map((server) => rawSocket(server, documentId, member));
      await Promise.all(sockets.map(opened));
      const closed = sockets.map(closeOf);
      const removedAt = performance.now();
      const removal = await api(a, owner.cookie, 'DELETE', `/api/partnerships/${partnershipId}/members/${member.id}`);
      expect(removal.status).toBe(204);
      const closes = await Promise.all(closed);
      console.info(
        `scale-out: sockets on B and C closed ${closes.map((x) => Math.round(x.at - removedAt)).join(' and ')} ms after the removal was sent`,
      );
      for (const close of closes) {
        expect(close.code).toBe(CloseCode.REAUTHORIZE);
        expect(close.at - removedAt).toBeLessThan(1000);
      }
    });

    it('a comment posted through A reaches event streams on B and C', async () => {
      const [a, b, c] = servers as [ServerProcess, ServerProcess, ServerProcess];
      const streams = [b, c].map(
        (server) => new EventStreamClient(`${server.origin}/api/partnerships/${partnershipId}/events`, owner.cookie),
      );
      try {
        await Promise.all(streams.map((stream) => stream.opened));
        const posted = await api<{ thread: { id: string } }>(
          a,
          owner.cookie,
          'POST',
          `/api/partnerships/${partnershipId}/threads`,
          { anchor: { type: 'partnership' }, body: 'Posted through A' },
        );
        expect(posted.status).toBe(201);
        for (const stream of streams) {
          await stream.waitFor(
            (events) => events.some((e) => e.event.type === 'thread' && e.event.thread.id === posted.body.thread.id),
            'the new thread on another process’s stream',
          );
        }
      } finally {
        for (const stream of streams) stream.close();
      }
    });

    it('one account’s sockets to a document are counted across the processes', async () => {
      const documentId = await newTextDocument();
      /** Opens a socket on `server`; resolves with 'joined' at its first frame (the room's sync step 1), else the close code. */
      const open = (server: ServerProcess) => {
        const socket = new WebSocket(`${server.origin.replace(/^http/, 'ws')}/sync/${documentId}`, {
          headers: headers(owner),
        });
        const outcome = new Promise<'joined' | number>((resolve) => {
          socket.once('message', () => resolve('joined'));
          socket.once('close', (code) => resolve(code));
        });
        return { socket, outcome };
      };
      // The default limit is 20 per account and document; each process alone sees 7 of these 21.
      const sockets: WebSocket[] = [];
      for (let i = 0; i < 20; i++) {
        const { socket, outcome } = open(servers[i % 3] as ServerProcess);
        expect(await outcome).toBe('joined');
        sockets.push(socket);
      }
      const refused = open(servers[2] as ServerProcess);
      expect(await refused.outcome).toBe(CloseCode.ACCOUNT_DOCUMENT_CONNECTIONS);
      // A closed socket frees its place for a socket on another process.
      const freed = new Promise((r) => (sockets[0] as WebSocket).once('close', r));
      (sockets[0] as WebSocket).close();
      await freed;
      let again: 'joined' | number = 0;
      // The release reaches Redis just after the close: a few tries at most.
      for (let attempt = 0; attempt < 20 && again !== 'joined'; attempt++) {
        const next = open(servers[1] as ServerProcess);
        again = await next.outcome;
        if (again === 'joined') sockets.push(next.socket);
      }
      expect(again).toBe('joined');
      for (const socket of sockets) socket.close();
    });

    it('a room’s capacity is counted across the processes', async () => {
      const documentId = await newTextDocument();
      const second = await joinAsMember('viewer');
      /** Opens a socket; resolves with 'joined' at its first frame, else the close code. */
      const attempt = (server: ServerProcess, account: Account) => {
        const socket = rawSocket(server, documentId, account);
        const outcome = new Promise<'joined' | number>((resolve) => {
          socket.once('message', () => resolve('joined'));
          socket.once('close', (code) => resolve(code));
        });
        return { socket, outcome };
      };
      // Two accounts, each under its own limit of 20; each process alone holds 10 of the 30.
      const sockets: WebSocket[] = [];
      for (let i = 0; i < ROOM_CAPACITY; i++) {
        const { socket, outcome } = attempt(servers[i % 3] as ServerProcess, i % 2 === 0 ? owner : second);
        expect(await outcome).toBe('joined');
        sockets.push(socket);
      }
      for (const server of servers) {
        const over = attempt(server, owner);
        expect(await over.outcome).toBe(CloseCode.ROOM_FULL);
      }
      for (const socket of sockets) socket.close();
    });

    it('21 failed logins spread over three processes trip the per-account limit', async () => {
      const victim = await signUp(servers[0] as ServerProcess);
      const statuses: number[] = [];
      let lastId: string | undefined;
      for (let i = 0; i < 21; i++) {
        const server = servers[i % 3] as ServerProcess;
        const res = await api<{ error?: { id: string } }>(server, undefined, 'POST', '/api/auth/login', {
          email: victim.email,
          password: `wrong guess ${i}`,
        });
        statuses.push(res.status);
        lastId = res.body?.error?.id;
      }
      // Counted in one place: 10 failures are checked (the last ones slowed), then 429 whichever process answers.
      // Counted per process, each would have seen 7 and let every one through to a password check.
      expect(statuses.filter((s) => s === 401)).toHaveLength(10);
      expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
      expect(lastId).toBe(ErrorId.RATE_LIMITED);
    }, 60_000);
  },
);

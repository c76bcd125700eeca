/**
 * `pnpm bench:comments`: the partnership event stream under load (issue 11).
 * A real server process (SQLite); 50 Server-Sent Events clients on one
 * partnership while 10 messages a second are posted for ~20 s: every client
 * must get every message; post → delivery p50/p95/p99. Then the memory an idle
 * stream costs a server (V8 heap after collection, and RSS, over 500 idle streams). Prints the
 * figures and writes them to docs/benchmarks.md under "Comments".
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBenchSection } from '../../e2e/bench/benchReport.ts';
import { loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { startServer } from '../src/server.ts';
import { addMember, createTestPartnership, TEST_ORIGIN } from '../test/support/apiClient.ts';
import { EventStreamClient } from '../test/support/eventStreamClient.ts';
import { ServerProcess } from '../test/support/serverProcess.ts';
import { quantile, sleep } from './harness/stats.ts';

const CLIENTS = Number(process.env.BENCH_COMMENT_CLIENTS ?? 50);
const RATE = 10;
const SECONDS = Number(process.env.BENCH_COMMENT_SECONDS ?? 20);
const IDLE_STREAMS = Number(process.env.BENCH_IDLE_STREAMS ?? 500);
/** Streams already open when the baseline is read. */
const WARM_STREAMS = 200;

/** Heap and RSS after full collections (the bench runs with --expose-gc). */
async function collectedMemory(): Promise<NodeJS.MemoryUsage> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (pnpm bench:comments does)');
  for (let i = 0; i < 3; i++) {
    gc();
    await sleep(200);
  }
  return process.memoryUsage();
}

/**
 * What an idle stream costs the server: a server in this process (so the heap
 * can be collected before reading it), the streams held by a child process.
 */
async function measureIdleStreams(): Promise<{ heapPerStream: number; rssPerStream: number }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-idle-streams-'));
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, ALLOWED_ORIGINS: TEST_ORIGIN, LOG_LEVEL: 'silent' });
  const server = await startServer(config, createLogger('silent'));
  try {
    const p = await createTestPartnership(server.url, 'Idle');
    const url = `${server.url}/api/partnerships/${p.id}/events`;
    const hold = async (count: number) => {
      const child = fork(path.join(import.meta.dirname, 'harness/idleStreamClients.ts'), [
        url,
        p.owner.client.cookie ?? '',
        String(count),
      ]);
      await new Promise((resolve, reject) => {
        child.once('message', resolve);
        child.once('exit', (code) => reject(new Error(`stream holder exited with ${code}`)));
      });
      return child;
    };
    // The baseline already holds open streams: the first streams also pay for compiling the
    // code paths they run (measured: ~3 KiB of V8 code per stream over 300), which is not what
    // one more idle stream costs. The figure is the marginal cost of IDLE_STREAMS more.
    const warm = await hold(WARM_STREAMS);
    const before = await collectedMemory();
    const holder = await hold(IDLE_STREAMS);
    const after = await collectedMemory();
    holder.kill();
    warm.kill();
    return {
      heapPerStream: (after.heapUsed - before.heapUsed) / IDLE_STREAMS,
      rssPerStream: (after.rss - before.rss) / IDLE_STREAMS,
    };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))));
  }
  return out;
}

async function main(): Promise<void> {
  const started = Date.now();
  const server = await ServerProcess.start({
    ALLOWED_ORIGINS: TEST_ORIGIN,
    LOG_LEVEL: 'warn',
    // One poster stands in for a busy partnership here: the fan-out is measured, not one person's budget.
    COMMENT_POSTS_PER_MINUTE: '100000',
  });
  const streams: EventStreamClient[] = [];
  try {
    const p = await createTestPartnership(server.origin, 'Owner');
    const poster = await addMember(p, server.origin, 'commenter');
    const readers = await inBatches(CLIENTS, 5, (i) => addMember(p, server.origin, 'viewer', 'partner', `Reader ${i}`));
    const eventsUrl = `${server.origin}/api/partnerships/${p.id}/events`;
    const thread = (
      await poster.client.post(`/api/partnerships/${p.id}/threads`, { anchor: { type: 'partnership' }, body: 'Load' })
    ).body.thread;

    // Delivery times per message index, per client.
    const total = RATE * SECONDS;
    const sentAt = new Float64Array(total);
    const latencies: number[] = [];
    const received = readers.map(() => new Set<number>());
    readers.forEach((reader, r) => {
      const stream = new EventStreamClient(eventsUrl, reader.client.cookie, undefined, ({ event, at }) => {
        if (event.type !== 'message') return;
        const index = Number(/^m-(\d+)$/.exec(event.message.body)?.[1]);
        if (!Number.isInteger(index)) return;
        received[r]?.add(index);
        latencies.push(at - (sentAt[index] as number));
      });
      streams.push(stream);
    });
    await Promise.all(streams.map((s) => s.opened));
    console.log(`${CLIENTS} streams open; posting ${RATE}/s for ${SECONDS} s`);

    const posts: Promise<unknown>[] = [];
    const t0 = performance.now();
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      sentAt[i] = performance.now();
      posts.push(
        poster.client.post(`/api/threads/${thread.id}/messages`, { body: `m-${i}` }).then((answer) => {
          if (answer.status !== 201) throw new Error(`post ${i} answered ${answer.status}`);
        }),
      );
    }
    await Promise.all(posts);
    const postSeconds = (performance.now() - t0) / 1000;
    await Promise.all(
      streams.map((s, r) => s.waitFor(() => (received[r]?.size ?? 0) >= total, 'every message', 60_000)),
    );
    const complete = received.every((set) => set.size === total);
    const p50 = quantile(latencies, 0.5);
    const p95 = quantile(latencies, 0.95);
    const p99 = quantile(latencies, 0.99);
    const max = Math.max(...latencies);
    console.log(
      `delivered ${latencies.length} of ${total * CLIENTS} (every client every message: ${complete}); post → delivery p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
    );
    for (const stream of streams) stream.close();
    streams.length = 0;
    await sleep(1000);

    const idle = await measureIdleStreams();
    console.log(
      `${IDLE_STREAMS} idle streams: V8 heap ${(idle.heapPerStream / 1024).toFixed(1)} KiB, RSS ${(idle.rssPerStream / 1024).toFixed(1)} KiB per stream`,
    );

    const seconds = Math.round((Date.now() - started) / 1000);
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`;
    writeBenchSection(
      '## Comments',
      `Produced by \`pnpm bench:comments\` (server/bench/commentsBench.ts) on ${new Date().toISOString()}: the real
server process (SQLite, \`SQLITE_SYNCHRONOUS=full\`), clients in another process on loopback. ${machine}.
The run took ${seconds} s.

| measure | value | target |
|---|---|---|
| load | ${CLIENTS} event streams (one per member) on one partnership; one commenter posts ${RATE} messages a second to one thread for ${SECONDS} s (${total} messages, posted in ${postSeconds.toFixed(1)} s) | |
| every stream got every message | ${complete ? 'yes' : 'NO'} (${latencies.length} of ${total * CLIENTS} deliveries) | all |
| post → delivery (from just before the POST to the event parsed by the client) | p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms | p95 reported |
| memory of an idle event stream (${IDLE_STREAMS} more streams held open by a child process, over a baseline with ${WARM_STREAMS} already open; the server in the bench process, garbage collected before each reading) | V8 heap ${(idle.heapPerStream / 1024).toFixed(1)} KiB, RSS ${(idle.rssPerStream / 1024).toFixed(1)} KiB per stream | < 20 KB |

The latency includes the POST's own commit (the event is published once its transaction has committed)
and the clients' parsing; server and clients share the machine's cores.
`,
    );
    console.log(`done in ${seconds} s; figures written to docs/benchmarks.md ("Comments")`);
  } finally {
    for (const stream of streams) stream.close();
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { expect } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { ServerProcess } from '../support/serverProcess.ts';
import { connectClient, eventually, synced, type TestClient } from '../support/syncClient.ts';
import {
  addMember,
  createPartnership,
  createTextDocument,
  signUp,
  type TestAccount,
  uniqueEmail,
} from '../support/testAccounts.ts';

/**
 * The standing abuse suite's common ground: a real server process (so its memory
 * is its own, read from /proc), a partnership with an owner, an editor and a
 * viewer, and a well-behaved pair of clients plus a /healthz poller whose
 * latencies are measured while an attack runs.
 */
export interface AbuseSetup {
  server: ServerProcess;
  owner: TestAccount;
  editor: TestAccount;
  viewer: TestAccount;
  partnershipId: string;
  documentId: string;
  stop(): Promise<void>;
}

/** Starts a server process with `env` and builds the partnership the attacks aim at. */
export async function startAbuseSetup(env: Record<string, string> = {}): Promise<AbuseSetup> {
  const server = await ServerProcess.start({ SYNC_ROOM_UNLOAD_GRACE_MS: '200', ...env });
  try {
    const owner = await signUp(server.origin, 'Owner', uniqueEmail('owner'));
    const partnership = await createPartnership(owner);
    const editor = await addMember(owner, partnership.id, 'editor');
    const viewer = await addMember(owner, partnership.id, 'viewer');
    const documentId = await createTextDocument(owner, partnership.id);
    return { server, owner, editor, viewer, partnershipId: partnership.id, documentId, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** CPU time a process has used so far (user + system), in ms (Linux /proc; assumes 100 ticks a second). */
export function cpuMsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident and peak resident memory of a process, in bytes (Linux /proc). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kib('VmRSS') * 1024, peak: kib('VmHWM') * 1024 };
}

/** A y-websocket client signed in as `account`. */
export function clientOf(setup: AbuseSetup, account: TestAccount, documentId = setup.documentId): TestClient {
  return connectClient(setup.server.origin, documentId, new Y.Doc(), {
    headers: { cookie: account.cookie, origin: setup.server.origin },
  });
}

/** A raw WebSocket signed in as `account`, for frames and numbers no real client would send. */
export function rawSocketOf(setup: AbuseSetup, account: TestAccount, documentId = setup.documentId): WebSocket {
  const url = `${setup.server.origin.replace(/^http/, 'ws')}/sync/${documentId}`;
  return new WebSocket(url, { headers: { cookie: account.cookie, origin: setup.server.origin } });
}

/** Resolves with the first frame a socket receives, or its close code if it closes first. */
export function firstEvent(ws: WebSocket): Promise<{ frame: Uint8Array } | { closed: number }> {
  return new Promise((resolve, reject) => {
    ws.once('message', (data) => resolve({ frame: new Uint8Array(data as Buffer) }));
    ws.once('close', (code) => resolve({ closed: code }));
    ws.once('error', reject);
  });
}

/** What a watch saw: latencies in ms and the server's memory growth in bytes. */
export interface WatchResult {
  editLatencies: number[];
  healthLatencies: number[];
  memoryGrowth: number;
  /** Close codes the well-behaved clients received (none expected). */
  closes: number[];
  editsSent: number;
  /** The same latencies in the quiet window before the attack: how slow this machine is right now. */
  control: { editLatencies: number[]; healthLatencies: number[]; cpuMs: number; ms: number };
  /** Server CPU time used during the attack window, and the window's length. */
  cpuMs: number;
  ms: number;
  /** The longest the test process's own event loop was blocked (its probes are late by as much). */
  testLoopDelayMaxMs: number;
}

/**
 * A well-behaved editor and watcher on the attacked document, an edit every
 * 50 ms and a /healthz request every 25 ms, fired on a fixed cadence (not after
 * the previous answer), so a stall shows in every probe it delays rather than
 * in one. The server's resident memory is sampled at the same cadence.
 */
export class Watch {
  private readonly editLatencies: number[] = [];
  private readonly healthLatencies: number[] = [];
  private readonly sentAt = new Map<string, number>();
  private readonly closes: number[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly pendingHealth = new Set<Promise<void>>();
  private control: WatchResult['control'] = { editLatencies: [], healthLatencies: [], cpuMs: 0, ms: 0 };
  private readonly ownDelay = monitorEventLoopDelay({ resolution: 10 });
  private rssBefore = 0;
  private cpuAt = 0;
  private startedAt = 0;
  private peakBefore = 0;
  private rssMax = 0;
  private sequence = 0;

  private constructor(
    private readonly setup: AbuseSetup,
    private readonly writer: TestClient,
    private readonly reader: TestClient,
  ) {}

  /** Connects the pair (owner writes, editor reads), waits for both to sync, then starts probing. */
  static async start(setup: AbuseSetup): Promise<Watch> {
    const writer = clientOf(setup, setup.owner);
    const reader = clientOf(setup, setup.editor);
    await Promise.all([synced(writer), synced(reader)]);
    const watch = new Watch(setup, writer, reader);
    watch.cpuAt = cpuMsOf(setup.server.pid as number);
    for (const c of [writer, reader]) c.provider.on('connection-close', (e) => watch.closes.push(e?.code ?? -1));
    reader.doc.getMap('probe').observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        const sent = watch.sentAt.get(key);
        if (sent !== undefined) watch.editLatencies.push(now - sent);
      }
    });
    watch.timers.push(setInterval(() => watch.edit(), 50));
    watch.timers.push(setInterval(() => watch.probeHealth(), 25));
    // A quiet window first: the latencies this machine gives right now, without an attack.
    const started = performance.now();
    await eventually(() => performance.now() - started > 1500 && watch.editLatencies.length > 5, 'a control window');
    watch.control = {
      cpuMs: cpuMsOf(setup.server.pid as number) - watch.cpuAt,
      ms: performance.now() - started,
      editLatencies: watch.editLatencies.splice(0),
      healthLatencies: watch.healthLatencies.splice(0),
    };
    watch.sentAt.clear();
    watch.sequence = 0;
    const memory = memoryOf(setup.server.pid as number);
    watch.rssBefore = memory.rss;
    watch.peakBefore = memory.peak;
    watch.rssMax = memory.rss;
    watch.cpuAt = cpuMsOf(setup.server.pid as number);
    watch.startedAt = performance.now();
    watch.ownDelay.enable();
    return watch;
  }

  /** Keeps probing for `ms` more (the window in which late work of an attack would show). */
  async observe(ms: number): Promise<void> {
    const started = performance.now();
    await eventually(() => performance.now() - started > ms, 'the observation window', ms + 10_000);
  }

  /** Stops probing, waits for the last edit to arrive, and reports. */
  async stop(): Promise<WatchResult> {
    for (const timer of this.timers) clearInterval(timer);
    await Promise.all(this.pendingHealth);
    await eventually(() => this.editLatencies.length >= this.sequence, 'every probe edit to arrive', 20_000).catch(
      () => undefined,
    );
    this.ownDelay.disable();
    const cpuMs = cpuMsOf(this.setup.server.pid as number) - this.cpuAt;
    const ms = performance.now() - this.startedAt;
    const memory = memoryOf(this.setup.server.pid as number);
    const peak = Math.max(this.rssMax, memory.rss, memory.peak > this.peakBefore ? memory.peak : 0);
    const closes = [...this.closes];
    this.writer.destroy();
    this.reader.destroy();
    return {
      editLatencies: this.editLatencies,
      healthLatencies: this.healthLatencies,
      memoryGrowth: peak - this.rssBefore,
      closes,
      editsSent: this.sequence,
      control: this.control,
      cpuMs,
      ms,
      testLoopDelayMaxMs: this.ownDelay.max / 1e6,
    };
  }

  private edit(): void {
    this.sampleMemory();
    this.sequence += 1;
    if (this.sequence === 1) this.editLatencies.splice(0); // late arrivals from the control window
    const key = String(this.sequence);
    this.sentAt.set(key, performance.now());
    this.writer.doc.getMap('probe').set(key, this.sequence);
  }

  private probeHealth(): void {
    this.sampleMemory();
    const started = performance.now();
    const probe = fetch(`${this.setup.server.origin}/healthz`)
      .then((res) => res.arrayBuffer())
      .then(
        () => void this.healthLatencies.push(performance.now() - started),
        () => void this.healthLatencies.push(Number.POSITIVE_INFINITY),
      );
    this.pendingHealth.add(probe);
    void probe.finally(() => this.pendingHealth.delete(probe));
  }

  private sampleMemory(): void {
    try {
      this.rssMax = Math.max(this.rssMax, memoryOf(this.setup.server.pid as number).rss);
    } catch {
      // the process is gone; the test will say so
    }
  }
}

/** The value below which `share` of the samples fall (0.9: the 90th percentile). */
export function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.POSITIVE_INFINITY;
}

export interface Bounds {
  memoryGrowthBytes: number;
  editMs: number;
  healthMs: number;
}

/** The issue's bounds: less than 100 MB more memory, edits within 200 ms, /healthz within 100 ms. */
export const ISSUE_BOUNDS: Bounds = { memoryGrowthBytes: 100 * 1024 * 1024, editMs: 200, healthMs: 100 };

/**
 * Fails when the server's memory grew past its bound, or when the median edit
 * or /healthz latency during the attack exceeded the bound plus the median of
 * the quiet window before it (plus the test process's own longest stall). Medians, and the control window, because on a
 * loaded 2-core machine single probes are late for reasons of their own, while
 * a server stalled by an attack delays every probe fired during the stall.
 */
export function expectWithinBounds(result: WatchResult, bounds: Bounds = ISSUE_BOUNDS): void {
  const median = (values: readonly number[]) => Math.round(percentile(values, 0.5));
  const summary = {
    memoryGrowthMB: Math.round(result.memoryGrowth / 1024 / 1024),
    editMedian: median(result.editLatencies),
    editMedianControl: median(result.control.editLatencies),
    editP90: Math.round(percentile(result.editLatencies, 0.9)),
    healthMedian: median(result.healthLatencies),
    healthMedianControl: median(result.control.healthLatencies),
    healthP90: Math.round(percentile(result.healthLatencies, 0.9)),
    serverCpuShare: Math.round((100 * result.cpuMs) / result.ms),
    serverCpuShareControl: Math.round((100 * result.control.cpuMs) / result.control.ms),
    testLoopDelayMaxMs: Math.round(result.testLoopDelayMaxMs),
    edits: result.editLatencies.length,
    healthProbes: result.healthLatencies.length,
  };
  // The figures go to the test output (CI keeps it) and into every failure message.
  process.stdout.write(`abuse watch ${JSON.stringify(summary)}\n`);
  expect(result.closes, 'the well-behaved clients stay connected').toEqual([]);
  expect(result.editLatencies.length, 'every probe edit arrived').toBe(result.editsSent);
  expect(result.editLatencies.length, 'edits were measured').toBeGreaterThan(5);
  expect(result.healthLatencies.length, 'health probes were measured').toBeGreaterThan(5);
  expect(result.memoryGrowth, `server memory growth ${summary.memoryGrowthMB} MB`).toBeLessThan(
    bounds.memoryGrowthBytes,
  );
  // A probe is measured no more precisely than the test process's own longest stall (its clients
  // share its event loop), so that stall is allowed on top.
  const ownStall = summary.testLoopDelayMaxMs;
  expect(summary.editMedian, 'edit latency (ms), median').toBeLessThan(
    bounds.editMs + summary.editMedianControl + ownStall,
  );
  expect(summary.healthMedian, '/healthz latency (ms), median').toBeLessThan(
    bounds.healthMs + summary.healthMedianControl + ownStall,
  );
}

import type { BenchConfig } from '../benchConfig.ts';
import { BenchClient, connectMany } from '../harness/benchClient.ts';
import { cpuSeconds } from '../harness/procStats.ts';
import { sleep } from '../harness/stats.ts';
import { TypingWriter } from '../harness/typingWriter.ts';
import { type BenchServer, startBenchServer } from '../servers/benchServer.ts';
import type { ServerKind } from '../servers/serverKinds.ts';

export interface ThroughputResult {
  /** Update deliveries counted at receivers per second (an update to 4 peers counts 4). */
  deliveriesPerSecond: number;
  /** Updates per second that reached every other writer in their room. */
  updatesPerSecond: number;
  /** Server CPU over the measured window (all its processes), in % of one core. */
  serverCpuPercent: number;
  /** This (harness) process's CPU over the same window, in % of one core. */
  harnessCpuPercent: number;
  /** Seconds to open and sync every writer's socket (20 handshakes in flight). */
  connectSeconds: number;
}

interface WriterState {
  typing: TypingWriter;
  client?: BenchClient;
  /** Receipts still missing per in-flight clock. */
  pending: Map<number, number>;
  stopped: boolean;
}

/**
 * b. R rooms × W writers, closed loop: every writer keeps at most `window`
 * updates in flight (sent but not yet received by all its room peers), so the
 * offered load follows what the server can relay and stays bounded.
 */
export async function runThroughput(
  kind: ServerKind,
  config: BenchConfig['throughput'],
  log: (line: string) => void,
): Promise<ThroughputResult> {
  const server = await startBenchServer(kind);
  try {
    return await measureThroughput([server], config, log);
  } finally {
    await server.stop({ hard: true }); // data is thrown away; a graceful flush would only cost bench time
  }
}

/**
 * Scenario b over one or more processes of one installation: each room's
 * writers are spread over the processes in turn, so with several most of a
 * room's deliveries cross Redis. Server CPU is the sum over the processes.
 */
export async function measureThroughput(
  servers: readonly BenchServer[],
  config: BenchConfig['throughput'],
  log: (line: string) => void,
): Promise<ThroughputResult> {
  const writers: WriterState[] = [];
  const serverCpu = () => servers.reduce((sum, server) => sum + cpuSeconds(server.pid), 0);
  try {
    const peersPerUpdate = config.writersPerRoom - 1;
    const byClientId = new Map<number, WriterState>();
    for (let i = 0; i < config.rooms * config.writersPerRoom; i++) {
      const state: WriterState = { typing: new TypingWriter(), pending: new Map(), stopped: true };
      writers.push(state);
      byClientId.set(state.typing.clientId, state);
    }
    let counting = false;
    let deliveries = 0;
    let completed = 0;

    const sendNext = (writer: WriterState) => {
      if (writer.stopped || !writer.client?.isOpen) return;
      const { update, clock } = writer.typing.next();
      writer.pending.set(clock, peersPerUpdate);
      writer.client.sendUpdate(update);
    };
    const onUpdate = (self: number) => (client: number, clock: number) => {
      if (client === self) return; // Hocuspocus and y-websocket echo to the sender
      const writer = byClientId.get(client);
      const missing = writer?.pending.get(clock);
      if (!writer || missing === undefined) return;
      if (counting) deliveries += 1;
      if (missing > 1) {
        writer.pending.set(clock, missing - 1);
        return;
      }
      writer.pending.delete(clock);
      if (counting) completed += 1;
      sendNext(writer);
    };

    const connectStarted = performance.now();
    await connectMany(writers.length, 20, async (index) => {
      const writer = writers[index] as WriterState;
      const roomIndex = Math.floor(index / config.writersPerRoom);
      // Shifted per room, so every process holds about as many writers as the others.
      const server = servers[(roomIndex + index) % servers.length] as BenchServer;
      writer.client = await BenchClient.connect(server, `room-${roomIndex}`, {
        doc: writer.typing.doc,
        onUpdate: onUpdate(writer.typing.clientId),
      });
      return writer.client;
    });
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    log(
      `  ${writers.length} writers in ${config.rooms} rooms on ${servers.length} process(es) connected; closed loop, window ${config.window}`,
    );

    for (const writer of writers) {
      writer.stopped = false;
      for (let i = 0; i < config.window; i++) sendNext(writer);
    }
    await sleep(config.warmupMs);
    counting = true;
    const cpuBefore = serverCpu();
    const harnessBefore = process.cpuUsage();
    const started = performance.now();
    await sleep(config.durationMs);
    counting = false;
    const seconds = (performance.now() - started) / 1000;
    const cpu = serverCpu() - cpuBefore;
    const harness = process.cpuUsage(harnessBefore);
    for (const writer of writers) writer.stopped = true;
    return {
      deliveriesPerSecond: deliveries / seconds,
      updatesPerSecond: completed / seconds,
      serverCpuPercent: (cpu / seconds) * 100,
      connectSeconds,
      harnessCpuPercent: ((harness.user + harness.system) / 1e6 / seconds) * 100,
    };
  } finally {
    for (const writer of writers) writer.client?.close();
  }
}

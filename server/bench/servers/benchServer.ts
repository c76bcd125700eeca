import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawnTracked, stopChild } from './childProcesses.ts';
import { oursStart } from './oursBundle.ts';
import type { ServerKind } from './serverKinds.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** One server under test, running in its own child process on loopback. */
export interface BenchServer {
  kind: ServerKind;
  pid: number;
  port: number;
  dataDir: string;
  /** WebSocket URL a client opens for a document. */
  urlFor(documentId: string): string;
  /** Captured stdout/stderr tail, for failure messages. */
  output(): string;
  /** Stops the process (SIGKILL when `hard`, which skips flush and compaction). */
  stop(options?: { hard?: boolean; keepData?: boolean }): Promise<void>;
}

/** A fresh temp folder for one server's data. */
export function freshDataDir(kind: ServerKind): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `samverka-bench-${kind}-`));
}

/** Starts `kind` on a free loopback port; resolves once it answers HTTP. */
export async function startBenchServer(
  kind: ServerKind,
  dataDir = freshDataDir(kind),
  extraEnv: Record<string, string> = {},
): Promise<BenchServer> {
  const port = await freePort();
  // Ours runs as production does (compiled, `pnpm start`'s flags and environment), not through tsx.
  const start = kind === 'ours' ? await oursStart() : { args: peerArgs(kind), env: {} };
  const { child, output } = spawnTracked(start.args, {
    cwd: repoRoot,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...start.env,
      ...(kind === 'ours' ? oursEnvOverrides() : {}),
      ...extraEnv,
    },
  });
  try {
    await waitForHttp(child, port, kind === 'ours' ? '/healthz' : '/', output);
  } catch (error) {
    await stopChild(child, true);
    throw error;
  }
  return {
    kind,
    pid: child.pid as number,
    port,
    dataDir,
    urlFor: (documentId) => {
      if (kind === 'ours') return `ws://127.0.0.1:${port}/sync/${documentId}`;
      if (kind === 'y-websocket-server') return `ws://127.0.0.1:${port}/${documentId}`;
      return `ws://127.0.0.1:${port}/`; // Hocuspocus names the document inside each frame
    },
    output,
    stop: async (options = {}) => {
      await stopChild(child, options.hard ?? false);
      if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * BENCH_OURS_<VAR>=value passes <VAR>=value to our server only, for experiments
 * such as BENCH_OURS_SYNC_COMPACTION_THRESHOLD=10000000.
 */
function oursEnvOverrides(): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('BENCH_OURS_') && value !== undefined) overrides[key.slice('BENCH_OURS_'.length)] = value;
  }
  return overrides;
}

/** The peers are TypeScript entries run through tsx, as they always were. */
function peerArgs(kind: Exclude<ServerKind, 'ours'>): string[] {
  if (kind === 'y-websocket-server') return ['--import', 'tsx', 'server/bench/servers/yWebsocketPeer.ts'];
  return ['--import', 'tsx', 'server/bench/servers/hocuspocusPeer.ts'];
}

/** A start (tsx compiling a peer, migrations on a fresh database) can take this long on a loaded machine. */
const START_TIMEOUT_MS = 120_000;

async function waitForHttp(child: ChildProcess, port: number, probe: string, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await new Promise((r) => setTimeout(r, 200)); // let the last output arrive through the pipe
      throw new Error(`exited early (${child.exitCode}): ${output().slice(-2000)}`);
    }
    try {
      await fetch(`http://127.0.0.1:${port}${probe}`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`did not answer HTTP within ${START_TIMEOUT_MS / 1000} s: ${output().slice(-2000)}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

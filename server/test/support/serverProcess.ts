import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** A real Samverka server process serving the production build, for one spec. */
export class ServerProcess {
  private child: ChildProcess | undefined;
  readonly dataDir: string;
  private output = '';

  private constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly entry: string,
  ) {
    this.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-e2e-'));
  }

  get origin(): string {
    return `http://localhost:${this.port}`;
  }

  /** The process id, e.g. to sample its memory. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Everything the process wrote to stdout and stderr so far. */
  get log(): string {
    return this.output;
  }

  /**
   * Starts a server on a free port with a fresh data folder. `entry` swaps
   * main.ts for another start script (e.g. `openAccessEntry` for sync tests, or
   * `productionEntry` for the compiled bundle).
   */
  static async start(env: Record<string, string> = {}, options: { entry?: string } = {}): Promise<ServerProcess> {
    const server = new ServerProcess(await freePort(), env, options.entry ?? 'server/src/main.ts');
    await server.launch();
    return server;
  }

  /** (Re)starts the process on the same port and data folder and waits for /healthz. */
  async launch(): Promise<void> {
    // A TypeScript entry runs through tsx; the production bundle (productionEntry) as it is.
    const args = this.entry.endsWith('.ts') ? ['--import', 'tsx', this.entry] : [this.entry];
    this.child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(this.port), DATA_DIR: this.dataDir, LOG_LEVEL: 'warn', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d) => (this.output += d));
    this.child.stderr?.on('data', (d) => (this.output += d));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (hasExited(this.child)) throw new Error(`server exited early:\n${this.output}`);
      try {
        const res = await fetch(`${this.origin}/healthz`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not become healthy:\n${this.output}`);
  }

  /** Kills the process with SIGKILL: no flush, no goodbye, as a crash would. */
  async crash(): Promise<void> {
    const child = this.child;
    if (!child || hasExited(child)) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** Sends SIGTERM and waits for the exit (graceful shutdown), keeping the data folder. Returns the exit code. */
  async terminate(): Promise<number | null> {
    const child = this.child;
    if (!child || hasExited(child)) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    return exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && !hasExited(child)) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    if (process.env.KEEP_TEST_DATA) fs.writeFileSync(path.join(this.dataDir, 'server.log'), this.output);
    else fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The compiled server that `pnpm start` runs (`pnpm build` writes it; server/build.mjs). */
export const productionEntry = 'server/dist/main.js';

/** A start script that opens every document read-write (see openAccessMain.ts). */
export const openAccessEntry = 'server/test/support/openAccessMain.ts';

/** A port nothing listens on right now, for servers whose origin must be known up front. */
/** A process killed by a signal has a null exit code but a signal code. */
function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

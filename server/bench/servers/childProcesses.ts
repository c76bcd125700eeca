import { type ChildProcess, spawn } from 'node:child_process';

/** Every child this bench started and has not yet seen exit; all are killed when we exit. */
const live = new Set<ChildProcess>();
let hooked = false;

function killAll(): void {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  // 'exit' runs synchronously on every way out, also after an uncaught error.
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

/** Spawns `node <args>` with output captured; the child is killed if this process exits. */
export function spawnTracked(
  args: string[],
  options: { cwd: string; env: Record<string, string | undefined> },
): { child: ChildProcess; output: () => string } {
  hookExit();
  let output = '';
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  const keep = (chunk: Buffer) => {
    // Keep only the tail: a chatty peer must not grow our memory without bound.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => output };
}

/** Stops a child: SIGTERM (or SIGKILL when `hard`), then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, hard = false, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(hard ? 'SIGKILL' : 'SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

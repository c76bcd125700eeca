#!/usr/bin/env node
// Idle memory of a production server: starts it on a fresh SQLite folder with nothing loaded,
// waits until /healthz answers and the process has settled, and prints its resident set size
// (VmRSS). `node scripts/idle-memory.mjs [node args…]`, default the built bundle
// (`pnpm --filter @samverka/server build` first); e.g. `--import tsx server/src/main.ts` for the
// old way. Figures are in docs/benchmarks.md ("Idle server").
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { productionStart } from './productionStart.mjs';

// As `pnpm start` runs it: its environment (glibc malloc settings) always, its Node flags by default.
const production = productionStart();
const args = process.argv.length > 2 ? process.argv.slice(2) : [...production.nodeArgs, 'server/dist/main.js'];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-idle-'));
const port = 20000 + Math.floor(Math.random() * 20000);
const child = spawn(process.execPath, args, {
  env: {
    ...process.env,
    ...production.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const startedAt = performance.now();
try {
  let ready = false;
  while (!ready) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    ready = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await sleep(50);
  }
  const readyMs = performance.now() - startedAt;
  // Start-up garbage is collected within seconds of idling; the figure is what stays.
  await sleep(5000);
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  const mb = (value) => (value / 1024).toFixed(1);
  console.log(
    `${args.join(' ')}: ready in ${readyMs.toFixed(0)} ms, idle RSS ${mb(kb('VmRSS'))} MB (peak ${mb(kb('VmHWM'))} MB)`,
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
}

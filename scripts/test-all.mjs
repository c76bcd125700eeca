#!/usr/bin/env node
// The one test command (`pnpm test`): typecheck, lint, unit and integration
// tests (Vitest), a production build, and e2e tests (Playwright in Chromium).
// Every stage runs even if an earlier one fails; the last line is the total.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.test-output');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const results = [];

function run(name, command, args, options = {}) {
  console.log(`\n━━ ${name} ━━ ${command} ${args.join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  const ok = status === 0;
  console.log(
    `━━ ${name}: ${ok ? 'ok' : `FAILED (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const pnpm = process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm';

results.push({ name: 'typecheck', ok: run('typecheck', pnpm, ['run', 'typecheck']) });
results.push({ name: 'lint', ok: run('lint', pnpm, ['exec', 'biome', 'check', '.']) });

const vitestOk = run('unit + integration (vitest)', pnpm, [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${path.join(out, 'vitest.json')}`,
]);
const vitest = readJson(path.join(out, 'vitest.json'));
results.push({
  name: 'vitest',
  ok: vitestOk,
  passed: vitest?.numPassedTests ?? 0,
  failed: vitest ? vitest.numFailedTests : 1,
});

const buildOk = run('build', pnpm, ['run', 'build']);
results.push({ name: 'build', ok: buildOk });

const e2eOk = buildOk && run('e2e (playwright)', pnpm, ['--filter', '@samverka/e2e', 'exec', 'playwright', 'test']);
const e2e = readJson(path.join(out, 'e2e.json'));
results.push({
  name: 'e2e',
  ok: e2eOk,
  passed: e2e?.stats ? e2e.stats.expected + e2e.stats.flaky : 0,
  failed: e2e?.stats ? e2e.stats.unexpected : 1,
});

console.log('\n━━ summary ━━');
let passed = 0;
let failed = 0;
for (const r of results) {
  const counts = r.passed !== undefined ? `: ${r.passed} passed, ${r.failed} failed` : '';
  console.log(`${r.ok ? '✔' : '✘'} ${r.name}${counts}`);
  if (r.passed !== undefined) {
    passed += r.passed;
    failed += r.failed;
  } else if (!r.ok) failed += 1; // a failed stage counts as a failed check
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) && failed === 0 ? 0 : 1);

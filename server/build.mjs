#!/usr/bin/env node
// Compiles the server into one ES module, server/dist/main.js, so production runs plain
// JavaScript: no TypeScript loader in the process (it cost start-up time and ~40 MB of
// memory, docs/benchmarks.md "Idle server"). Our code and @samverka/model are bundled; the
// packages in server/package.json stay imports, resolved from node_modules at run time, since
// native modules (better-sqlite3, @node-rs/argon2) cannot be bundled and the others load only
// the files they use. Source maps point errors' stack traces at the TypeScript.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const serverDir = import.meta.dirname;
const manifest = JSON.parse(fs.readFileSync(path.join(serverDir, 'package.json'), 'utf8'));
const external = Object.entries(manifest.dependencies)
  .filter(([, version]) => !String(version).startsWith('workspace:'))
  .map(([name]) => name);

const outdir = path.join(serverDir, 'dist');
fs.rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: serverDir,
  entryPoints: { main: 'src/main.ts' },
  outdir,
  bundle: true,
  // Dynamic imports (ioredis only with REDIS_URL, nodemailer with the first email) stay
  // separate files; in one file their packages would be imported at start-up.
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  // The package names and their subpaths (`hono/utils/mime`, `@hono/node-server/…`).
  external: external.flatMap((name) => [name, `${name}/*`]),
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
process.stdout.write(`server built: ${path.relative(process.cwd(), outdir)}/main.js\n`);

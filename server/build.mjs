#!/usr/bin/env node
// Compiles the server into server/dist/main.js, so production runs plain JavaScript: no
// TypeScript loader in the process (tsx cost ~45 MB and seconds of start-up). Our code,
// @samverka/model and the pure-JavaScript packages are bundled into one file: Node then keeps
// one module instead of ~900 (kysely alone has hundreds of files), which measured ~10 MB less
// idle memory than importing them from node_modules (docs/benchmarks.md, "Idle server").
// External, resolved from node_modules at run time: native modules (cannot be bundled), and the
// packages loaded only when configured (pg, ioredis, nodemailer), plus optional native helpers.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const serverDir = import.meta.dirname;
const outdir = path.join(serverDir, 'dist');
const external = [
  'better-sqlite3',
  '@node-rs/argon2',
  'pg',
  'pg-native',
  'ioredis',
  'nodemailer',
  'bufferutil',
  'utf-8-validate',
];

fs.rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: serverDir,
  // The SQLite writer runs in a worker thread started from dist/sqliteWriterThread.js
  // (server/src/storage/sqliteWriter.ts finds it next to the chunk that starts it).
  entryPoints: { main: 'src/main.ts', sqliteWriterThread: 'src/storage/sqliteWriterThread.ts' },
  outdir,
  bundle: true,
  // Dynamic imports (ioredis only with REDIS_URL) stay separate files; in one file their
  // external packages would be imported at start-up.
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  external,
  // CommonJS packages in an ES module bundle still call require() (ws for its optional helpers).
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  // Stack traces keep function names; the source map maps them back to the TypeScript.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
process.stdout.write(`server built: ${path.relative(process.cwd(), outdir)}/main.js\n`);

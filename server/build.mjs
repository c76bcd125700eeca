#!/usr/bin/env node
// Compiles the server into server/dist/main.js, so production runs plain JavaScript: no
// TypeScript loader in the process (tsx cost ~45 MB and seconds of start-up). The options, and
// why the bundle is shaped as it is, are in buildOptions.mjs (shared with `pnpm bench`).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { serverBuildOptions } from './buildOptions.mjs';

const outdir = path.join(import.meta.dirname, 'dist');
fs.rmSync(outdir, { recursive: true, force: true });
await build(
  serverBuildOptions({
    // The SQLite writer runs in a worker thread started from dist/sqliteWriterThread.js
    // (server/src/storage/sqliteWriter.ts finds it next to the chunk that starts it).
    entryPoints: { main: 'src/main.ts', sqliteWriterThread: 'src/storage/sqliteWriterThread.ts' },
    outdir,
  }),
);
process.stdout.write(`server built: ${path.relative(process.cwd(), outdir)}/main.js\n`);

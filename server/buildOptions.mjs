// The esbuild options of the compiled server, in one place: server/build.mjs builds production's
// server/dist/main.js with them, and `pnpm bench` builds its open-access entry with the same
// options, so the bench measures the code production runs (server/bench/servers/oursBundle.ts).
// Our code, @samverka/model and the pure-JavaScript packages are bundled into one file: Node then
// keeps one module instead of ~900 (kysely alone has hundreds of files), which measured ~10 MB less
// idle memory than importing them from node_modules (docs/benchmarks.md, "Idle server").
// External, resolved from node_modules at run time: native modules (cannot be bundled), and the
// packages loaded only when configured or first needed (pg, ioredis, nodemailer), plus optional
// native helpers. An output folder must therefore sit inside server/, where node_modules resolves.

/** Packages left out of the bundle and imported from node_modules at run time. */
export const serverExternal = [
  'better-sqlite3',
  '@node-rs/argon2',
  'pg',
  'pg-native',
  'ioredis',
  'nodemailer',
  'bufferutil',
  'utf-8-validate',
];

/**
 * esbuild options for bundling `entryPoints` (name → path relative to server/) into `outdir`.
 * @param {{ entryPoints: Record<string, string>, outdir: string }} target
 * @returns {import('esbuild').BuildOptions}
 */
export function serverBuildOptions({ entryPoints, outdir }) {
  return {
    absWorkingDir: import.meta.dirname,
    entryPoints,
    outdir,
    bundle: true,
    // Dynamic imports (ioredis only with REDIS_URL) stay separate files; in one file their
    // external packages would be imported at start-up.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    external: serverExternal,
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
  };
}

/**
 * How the bench starts our server: the open-access entry (oursOpenAccess.ts) compiled with
 * production's esbuild options (server/buildOptions.mjs) and run with the Node flags and
 * environment of `pnpm start` (scripts/productionStart.mjs), so scenario c measures what
 * production runs rather than tsx.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { productionStart } from '../../../scripts/productionStart.mjs';
import { serverBuildOptions } from '../../buildOptions.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

let built: Promise<string> | undefined;

/**
 * Builds oursOpenAccess.ts once per bench process into server/dist-bench/, a sibling of production's
 * server/dist/: the bundle finds the external packages in server/node_modules and its version in
 * server/package.json (`../package.json`) as main.js does. Overwritten in place, not removed, so a
 * second bench process building at the same time cannot pull files from under a running server.
 */
export function oursBundle(): Promise<string> {
  built ??= (async () => {
    const outdir = path.join(repoRoot, 'server/dist-bench');
    await build(
      serverBuildOptions({
        // The SQLite writer thread's file sits next to the entry, as in server/dist (server/build.mjs).
        entryPoints: {
          oursOpenAccess: 'bench/servers/oursOpenAccess.ts',
          sqliteWriterThread: 'src/storage/sqliteWriterThread.ts',
        },
        outdir,
      }),
    );
    return path.join(outdir, 'oursOpenAccess.js');
  })();
  return built;
}

/** `node <args>` and the environment that start our server as `pnpm start` would. */
export async function oursStart(): Promise<{ args: string[]; env: Record<string, string> }> {
  const production = productionStart();
  return { args: [...production.nodeArgs, await oursBundle()], env: production.env };
}

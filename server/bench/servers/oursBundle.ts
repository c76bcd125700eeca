/**
 * How the bench starts our server: the open-access entry (oursOpenAccess.ts) compiled with
 * production's esbuild options (server/buildOptions.mjs) and run with the Node flags and
 * environment of `pnpm start`, so scenario c measures what production runs rather than tsx.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { serverBuildOptions } from '../../buildOptions.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** How production runs server/dist/main.js: `node <nodeArgs> server/dist/main.js` with `env`. */
export interface ProductionStart {
  nodeArgs: string[];
  env: Record<string, string>;
}

/**
 * Reads the root package.json's `start` script (`… && NAME=value … node --flag … server/dist/main.js`),
 * the one place the production command is written; the Dockerfile and deploy/samverka.service
 * repeat it (server/test/productionStart.test.ts checks they agree).
 */
export function productionStart(): ProductionStart {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return parseStartCommand(manifest.scripts.start ?? '');
}

/** Parses the node command that runs server/dist/main.js out of a shell script line. */
export function parseStartCommand(script: string): ProductionStart {
  const command = script
    .split('&&')
    .map((part) => part.trim())
    .find((part) => /(^|\s)node\s.*server\/dist\/main\.js$/.test(part));
  if (!command) throw new Error(`no "node … server/dist/main.js" in the start script: ${script}`);
  const words = command.split(/\s+/);
  const env: Record<string, string> = {};
  const nodeArgs: string[] = [];
  let index = 0;
  for (; words[index] !== 'node'; index++) {
    const [name, value] = (words[index] as string).split('=', 2);
    if (!name || value === undefined) throw new Error(`unexpected word before node: ${words[index]}`);
    env[name] = value;
  }
  for (index++; words[index] !== 'server/dist/main.js'; index++) nodeArgs.push(words[index] as string);
  return { nodeArgs, env };
}

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
    await build(serverBuildOptions({ entryPoints: { oursOpenAccess: 'bench/servers/oursOpenAccess.ts' }, outdir }));
    return path.join(outdir, 'oursOpenAccess.js');
  })();
  return built;
}

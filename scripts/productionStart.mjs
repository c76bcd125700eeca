// How production runs the compiled server, read from the one place it is written: the root
// package.json's `start` script (`pnpm build && NAME=value … node --flag … server/dist/main.js`).
// The Dockerfile and deploy/samverka.service repeat it (server/bench/servers/oursBundle.test.ts
// checks they agree); `pnpm bench` and scripts/idle-memory.mjs start our server with it.
import fs from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');

/**
 * Parses the node command that runs server/dist/main.js out of a start script.
 * @param {string} script
 * @returns {{ nodeArgs: string[], env: Record<string, string> }}
 */
export function parseStartCommand(script) {
  const command = script
    .split('&&')
    .map((part) => part.trim())
    .find((part) => /(^|\s)node\s.*server\/dist\/main\.js$/.test(part));
  if (!command) throw new Error(`no "node … server/dist/main.js" in the start script: ${script}`);
  const words = command.split(/\s+/);
  /** @type {Record<string, string>} */
  const env = {};
  const nodeArgs = [];
  let index = 0;
  for (; words[index] !== 'node'; index++) {
    const [name, value] = words[index].split('=', 2);
    if (!name || value === undefined) throw new Error(`unexpected word before node: ${words[index]}`);
    env[name] = value;
  }
  for (index++; words[index] !== 'server/dist/main.js'; index++) nodeArgs.push(words[index]);
  return { nodeArgs, env };
}

/** `pnpm start`'s environment and Node flags, from the root package.json. */
export function productionStart() {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  return parseStartCommand(manifest.scripts.start ?? '');
}

import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Hands back to the system the memory start-up leaves behind. Module evaluation and the
 * migrations keep enough objects alive that V8 grows its young generation to 16 MB (7.5 MB
 * resident) on the way up, and nothing shrinks it again while the server idles: V8 shrinks new
 * space only after a memory-reducing full collection, and an idle server triggers none. One such
 * collection once the server listens took idle RSS from ~93 to ~84 MB (docs/benchmarks.md,
 * "Idle server"). Under load V8 grows the young generation again as it would have, so unlike a
 * smaller `--max-semi-space-size` this costs relaying nothing (a smaller cap measured ~15 % more
 * server CPU per relayed update).
 *
 * `gc` is reached through a fresh context created while `--expose-gc` is on, then the flag is
 * turned off again: no global `gc` appears in the server's own context, for us or a dependency.
 * Synchronous and once: ~20 ms on a quiet machine (100+ ms under heavy load), before any client
 * could have been served much.
 */
export function releaseStartupMemory(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as NodeJS.GCFunction;
  v8.setFlagsFromString('--no-expose-gc');
  // 'last-resort' is V8's memory-reducing collection: it shrinks new space and frees empty pages.
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

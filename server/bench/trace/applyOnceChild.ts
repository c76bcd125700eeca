/**
 * Child-process entry: times the first Y.applyUpdate of a state file in a fresh
 * process (cold JIT, like a just-started server) and prints {"ms"}.
 */
import fs from 'node:fs';
import * as Y from 'yjs';

const state = new Uint8Array(fs.readFileSync(process.env.STATE_FILE ?? ''));
const started = performance.now();
Y.applyUpdate(new Y.Doc(), state);
console.log(JSON.stringify({ ms: performance.now() - started }));

import v8 from 'node:v8';
import vm from 'node:vm';

/** Documents whose log holds at least this much are worth a full collection before their state is written. */
export const LARGE_DOCUMENT_BYTES = 8 * 1024 * 1024;

let gc: (() => void) | undefined;

/**
 * A full garbage collection, now. Unloading a large document frees its Y.Doc
 * (its strings live in V8's heap) and the rows and answers it was loaded and
 * served with, but V8 collects them only later; SQLite then copies the new
 * state twice (binding, then building the record) on top of all of it. Measured
 * on a 24 MB document that was the difference between about 3× and 6× its size
 * at the peak. Only large documents pay for the pause (milliseconds for a heap
 * this small apart from the freed strings). Node exposes `gc` only with
 * `--expose-gc`; the flag is set here and the function read from a new context.
 */
export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}

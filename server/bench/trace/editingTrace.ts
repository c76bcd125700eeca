import fs from 'node:fs';
import zlib from 'node:zlib';
import * as Y from 'yjs';

/** The real editing trace replayed for the cold-load and memory scenarios. */
export const AUTOMERGE_PAPER_TRACE = '/work/shared/data/editing-traces/automerge-paper.json.gz';

interface SequentialTrace {
  startContent: string;
  endContent: string;
  txns: Array<{ patches: Array<[number, number, string]> }>;
}

/** A trace replayed into a Y.Text, one Yjs update per edit. */
export interface ReplayedTrace {
  /** One update per applied patch, in order. */
  updates: Uint8Array[];
  /** The resulting document state (what a compacted log holds). */
  state: Uint8Array;
  /** The text after the replay; equals the trace's endContent when every edit is used. */
  text: string;
  /** Whether `text` was checked against the trace's endContent. */
  checkedAgainstEndContent: boolean;
}

/** Name of the Y.Text the trace is replayed into. */
export const TRACE_TEXT = 'text';

/**
 * Replays the first `limit` edits (or all) of a sequential trace into a Y.Text,
 * capturing each edit's update. Positions are code points and Y.Text counts
 * UTF-16 units, so the trace is checked to be BMP-only.
 */
export function replayTrace(
  file: string,
  limit: number | 'all',
  /** Where the text goes; a Y.Text at the doc's root by default (an editor's Y.XmlText works too). */
  target: (doc: Y.Doc) => Y.Text = (doc) => doc.getText(TRACE_TEXT),
): ReplayedTrace {
  const trace = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as SequentialTrace;
  if (/[\uD800-\uDFFF]/.test(trace.endContent))
    throw new Error('trace has non-BMP characters; positions would need mapping');
  const doc = new Y.Doc();
  const text = target(doc);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  if (trace.startContent) text.insert(0, trace.startContent);
  const max = limit === 'all' ? Number.POSITIVE_INFINITY : limit;
  let applied = 0;
  outer: for (const txn of trace.txns) {
    for (const [position, deleted, inserted] of txn.patches) {
      if (applied >= max) break outer;
      // One transaction per patch: one update per edit, as a typing client sends.
      doc.transact(() => {
        if (deleted > 0) text.delete(position, deleted);
        if (inserted) text.insert(position, inserted);
      });
      applied += 1;
    }
  }
  const result = text.toString();
  const complete = limit === 'all';
  if (complete && result !== trace.endContent) throw new Error('trace replay does not reach endContent');
  return { updates, state: Y.encodeStateAsUpdate(doc), text: result, checkedAgainstEndContent: complete };
}

/** The state after the fewest leading edits whose encoded state reaches `bytes` (checked every 200 edits). */
export function stateOfSize(trace: ReplayedTrace, bytes: number): Uint8Array {
  const doc = new Y.Doc();
  for (let i = 0; i < trace.updates.length; i++) {
    Y.applyUpdate(doc, trace.updates[i] as Uint8Array);
    if (i % 200 === 199) {
      const state = Y.encodeStateAsUpdate(doc);
      if (state.byteLength >= bytes) return state;
    }
  }
  return Y.encodeStateAsUpdate(doc);
}

/**
 * How Y.mergeUpdates scales with the number of per-edit updates, next to
 * applying the same updates one by one in a single transaction.
 */
export function mergeScaling(trace: ReplayedTrace, sizes: number[]): string[] {
  return sizes
    .filter((n) => n <= trace.updates.length)
    .map((n) => {
      const updates = trace.updates.slice(0, n);
      let started = performance.now();
      Y.mergeUpdates(updates);
      const mergeMs = performance.now() - started;
      started = performance.now();
      const doc = new Y.Doc();
      doc.transact(() => {
        for (const update of updates) Y.applyUpdate(doc, update);
      });
      Y.encodeStateAsUpdate(doc);
      const applyMs = performance.now() - started;
      return `${n.toLocaleString('en-US')} updates: Y.mergeUpdates ${msText(mergeMs)}, apply one by one in one transaction + encode ${msText(applyMs)}`;
    });
}

function msText(ms: number): string {
  return `${ms.toFixed(0)} ms`;
}

/**
 * Y.Map vs y-utility's YKeyValue as the store of a board's tldraw records:
 * document size after 10,000 moves of 1,000 shapes, and how long applying it takes.
 * Run: node --import tsx client/bench/recordStoreBench.ts
 */
import { performance } from 'node:perf_hooks';
import { YKeyValue } from 'y-utility/y-keyvalue';
import * as Y from 'yjs';
import { benchShapeRecord as shapeRecord } from './benchRecords.ts';

const SHAPES = 1_000;
const MOVES = 10_000;

interface RecordStore {
  set(id: string, record: unknown): void;
}

interface Variant {
  name: string;
  open(doc: Y.Doc): RecordStore;
}

const variants: Variant[] = [
  { name: 'Y.Map', open: (doc) => doc.getMap('records') },
  { name: 'YKeyValue', open: (doc) => new YKeyValue(doc.getArray('records')) },
];

/** A deterministic pseudo-random sequence, so both variants make the same moves. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function measure(variant: Variant) {
  const doc = new Y.Doc();
  const store = variant.open(doc);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));

  doc.transact(() => {
    for (let n = 0; n < SHAPES; n += 1) store.set(`shape:bench-${n}`, shapeRecord(n, n * 10, 0));
  });
  const initialBytes = Y.encodeStateAsUpdate(doc).byteLength;
  const next = random(42);
  const writeStart = performance.now();
  // One transaction per move, as a drag writes one per frame.
  for (let m = 0; m < MOVES; m += 1) {
    const n = Math.floor(next() * SHAPES);
    doc.transact(() =>
      store.set(`shape:bench-${n}`, shapeRecord(n, Math.round(next() * 5000), Math.round(next() * 5000))),
    );
  }
  const writeMs = performance.now() - writeStart;

  const state = Y.encodeStateAsUpdate(doc);

  // A new client loading the board: one state update into an empty doc.
  const loadStart = performance.now();
  const loaded = new Y.Doc();
  Y.applyUpdate(loaded, state);
  variant.open(loaded);
  const loadMs = performance.now() - loadStart;

  // A connected peer receiving every move as it happens.
  const peer = new Y.Doc();
  variant.open(peer);
  const replayStart = performance.now();
  for (const update of updates) Y.applyUpdate(peer, update);
  const replayMs = performance.now() - replayStart;

  return {
    variant: variant.name,
    initialBytes,
    stateBytes: state.byteLength,
    writeMs: Math.round(writeMs),
    loadMs: Math.round(loadMs),
    replayMs: Math.round(replayMs),
  };
}

// Warm up the JIT once so the first variant is not penalised.
measure(variants[0] as Variant);
const results = variants.map(measure);
console.log(`${SHAPES} shapes, ${MOVES} moves (one transaction per move)`);
console.table(results);

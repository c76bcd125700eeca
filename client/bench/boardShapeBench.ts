/**
 * Candidate stored shapes of a canvas board, on the same moves: version 1 (each
 * record one JSON value, rewritten whole); nested Y.Maps per record (props and meta
 * as maps of their own); one flat Y.Map per record with dotted keys ("props.w"); and
 * version 2 (packages/model/src/canvasBoard.ts): the record as one base value with
 * changed properties as keys beside it. The last three write only changed keys.
 * 1,000 shapes and 10,000 moves (one transaction per move, as a drag writes one per
 * frame), then the 2,000-shape board of `pnpm bench:canvas`.
 * Run: node --import tsx client/bench/boardShapeBench.ts
 */
import { performance } from 'node:perf_hooks';
import {
  type BoardRecord,
  boardRecords,
  isWholeRecord,
  putBoardRecords,
  readBoard,
  writeRecordChanges,
} from '@samverka/model';
import * as Y from 'yjs';
import { benchShapeRecord } from './benchRecords.ts';

interface Candidate {
  name: string;
  create(doc: Y.Doc, records: BoardRecord[]): void;
  move(doc: Y.Doc, previous: BoardRecord, next: BoardRecord): void;
  read(doc: Y.Doc): BoardRecord[];
}

function flatten(record: BoardRecord): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if ((key === 'props' || key === 'meta') && value && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) flat[`${key}.${name}`] = item;
    } else flat[key] = value;
  }
  return flat;
}

const candidates: Candidate[] = [
  {
    name: 'v1: whole record per value',
    create: (doc, records) => {
      const map = doc.getMap('records');
      for (const record of records) map.set(record.id, record);
    },
    move: (doc, _previous, next) => doc.getMap('records').set(next.id, next),
    read: (doc) => [...doc.getMap<BoardRecord>('records').values()],
  },
  {
    name: 'nested Y.Maps (props, meta), changed keys',
    create: (doc, records) => {
      const board = doc.getMap<Y.Map<unknown>>('nested');
      for (const record of records) {
        const map = new Y.Map<unknown>();
        for (const [key, value] of Object.entries(record)) {
          map.set(key, key === 'props' || key === 'meta' ? new Y.Map(Object.entries(value as object)) : value);
        }
        board.set(record.id, map);
      }
    },
    move: (doc, previous, next) => {
      const map = doc.getMap<Y.Map<unknown>>('nested').get(next.id);
      for (const [key, value] of Object.entries(next)) if (previous[key] !== value) map?.set(key, value);
    },
    read: (doc) => [...doc.getMap<Y.Map<unknown>>('nested').values()].map((map) => map.toJSON() as BoardRecord),
  },
  {
    name: 'flat Y.Map, dotted keys, changed keys',
    create: (doc, records) => {
      const board = doc.getMap<Y.Map<unknown>>('flat');
      for (const record of records) {
        const map = new Y.Map<unknown>();
        for (const [key, value] of Object.entries(flatten(record))) map.set(key, value);
        board.set(record.id, map);
      }
    },
    move: (doc, previous, next) => {
      const map = doc.getMap<Y.Map<unknown>>('flat').get(next.id);
      const before = flatten(previous);
      for (const [key, value] of Object.entries(flatten(next))) if (before[key] !== value) map?.set(key, value);
    },
    read: (doc) =>
      [...doc.getMap<Y.Map<unknown>>('flat').values()].map((map) => {
        const record: Record<string, Record<string, unknown> | unknown> = { props: {}, meta: {} };
        for (const [key, value] of map.entries()) {
          const dot = key.indexOf('.');
          if (dot < 0) record[key] = value;
          else (record[key.slice(0, dot)] as Record<string, unknown>)[key.slice(dot + 1)] = value;
        }
        return record as BoardRecord;
      }),
  },
  {
    name: 'record as base value + changed keys beside it (chosen)',
    create: (doc, records) => putBoardRecords(doc, records),
    move: (doc, previous, next) => {
      const map = boardRecords(doc).get(next.id);
      if (isWholeRecord(map)) writeRecordChanges(map, previous, next);
    },
    read: readBoard,
  },
];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function shapes(count: number): BoardRecord[] {
  return Array.from({ length: count }, (_, n) => benchShapeRecord(n, (n % 50) * 150, Math.floor(n / 50) * 150));
}

/** A new client loading the board: one state update into an empty doc, then every record read as JSON. */
function loadMs(candidate: Candidate, state: Uint8Array): number {
  const start = performance.now();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  candidate.read(doc);
  return performance.now() - start;
}

function movesRun(candidate: Candidate, shapeCount: number, moveCount: number) {
  const doc = new Y.Doc();
  const records = shapes(shapeCount);
  doc.transact(() => candidate.create(doc, records));
  const initial = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const next = random(42);
  const writeStart = performance.now();
  for (let m = 0; m < moveCount; m += 1) {
    const n = Math.floor(next() * shapeCount);
    const previous = records[n] as BoardRecord;
    const moved = { ...previous, x: Math.round(next() * 5000), y: Math.round(next() * 5000) };
    records[n] = moved;
    doc.transact(() => candidate.move(doc, previous, moved));
  }
  const writeMs = performance.now() - writeStart;
  const state = Y.encodeStateAsUpdate(doc);
  const peer = new Y.Doc();
  Y.applyUpdate(peer, initial);
  const replayStart = performance.now();
  for (const update of updates) Y.applyUpdate(peer, update);
  const replayMs = performance.now() - replayStart;
  const updateBytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
  return {
    candidate: candidate.name,
    'initial KiB': Math.round(initial.byteLength / 1024),
    'after moves KiB': Math.round(state.byteLength / 1024),
    'bytes per move': Math.round(updateBytes / Math.max(1, updates.length)),
    'writes ms': Math.round(writeMs),
    'load ms': Math.round(loadMs(candidate, state)),
    'peer applies ms': Math.round(replayMs),
  };
}

function benchBoard(candidate: Candidate) {
  const doc = new Y.Doc();
  doc.transact(() => candidate.create(doc, shapes(2_000)));
  const state = Y.encodeStateAsUpdate(doc);
  const loads = [0, 1, 2].map(() => loadMs(candidate, state)).sort((a, b) => a - b);
  return {
    candidate: candidate.name,
    'size KiB': Math.round(state.byteLength / 1024),
    'load ms (median of 3)': Math.round(loads[1] as number),
  };
}

// Warm up the JIT once so the first candidate is not penalised.
for (const candidate of candidates) movesRun(candidate, 100, 1_000);
process.stdout.write('1,000 shapes, 10,000 moves (one transaction per move)\n');
console.table(candidates.map((c) => movesRun(c, 1_000, 10_000)));
process.stdout.write('2,000-shape bench board (pnpm bench:canvas)\n');
console.table(candidates.map(benchBoard));

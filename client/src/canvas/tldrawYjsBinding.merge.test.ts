import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  GeoShapeUtil,
  type TLGeoShape,
  type TLShapeId,
  type TLStore,
  toRichText,
} from 'tldraw';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindStoreToDoc, loadBoard } from './tldrawYjsBinding.ts';

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Property = { field: 'x' | 'y' | 'rotation' | 'opacity' } | { prop: keyof TLGeoShape['props'] };

const PROPERTIES: { name: string; property: Property; value: (r: () => number) => unknown }[] = [
  { name: 'x', property: { field: 'x' }, value: (r) => Math.round(r() * 5000) },
  { name: 'y', property: { field: 'y' }, value: (r) => Math.round(r() * 5000) },
  { name: 'rotation', property: { field: 'rotation' }, value: (r) => Math.round(r() * 600) / 100 },
  { name: 'opacity', property: { field: 'opacity' }, value: (r) => Math.round(r() * 9 + 1) / 10 },
  { name: 'color', property: { prop: 'color' }, value: (r) => pick(r, ['black', 'blue', 'red', 'green', 'violet']) },
  { name: 'fill', property: { prop: 'fill' }, value: (r) => pick(r, ['none', 'semi', 'solid', 'pattern']) },
  { name: 'size', property: { prop: 'size' }, value: (r) => pick(r, ['s', 'm', 'l', 'xl']) },
  { name: 'dash', property: { prop: 'dash' }, value: (r) => pick(r, ['draw', 'solid', 'dashed', 'dotted']) },
  { name: 'w', property: { prop: 'w' }, value: (r) => Math.round(r() * 490 + 10) },
  { name: 'h', property: { prop: 'h' }, value: (r) => Math.round(r() * 490 + 10) },
  { name: 'text', property: { prop: 'richText' }, value: (r) => toRichText(`note ${Math.round(r() * 1e6)}`) },
];

function pick<T>(r: () => number, values: T[]): T {
  return values[Math.floor(r() * values.length)] as T;
}

function read(shape: TLGeoShape, property: Property): unknown {
  return 'field' in property ? shape[property.field] : shape.props[property.prop];
}

function write(shape: TLGeoShape, property: Property, value: unknown): TLGeoShape {
  if ('field' in property) return { ...shape, [property.field]: value };
  return { ...shape, props: { ...shape.props, [property.prop]: value } };
}

/** One write to one property: who made it, what it was, and what its writer had seen. */
interface Write {
  client: number;
  clock: number;
  seen: Map<number, number>;
  value: string;
}

/** A client: a real tldraw store bound to its own Y.Doc, behind a connection that can drop. */
interface Client {
  store: TLStore;
  doc: Y.Doc;
  online: boolean;
}

const NETWORK = 'network';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function stateVector(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc));
}

/** Exchanges everything each online client and the server lack (y-websocket's sync steps). */
function syncOnline(server: Y.Doc, clients: Client[]): void {
  for (let pass = 0; pass < 2; pass += 1) {
    for (const client of clients.filter((c) => c.online)) {
      Y.applyUpdate(server, Y.encodeStateAsUpdate(client.doc, Y.encodeStateVector(server)), NETWORK);
      Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client.doc)), NETWORK);
    }
  }
}

describe('concurrent edits merge property by property', () => {
  it('three clients, 500 rounds of random changes to 50 shapes with random disconnects: all converge, nothing uncontested is lost', () => {
    const r = random(20261127);
    const server = new Y.Doc();
    const clients: Client[] = [0, 1, 2].map(() => {
      const doc = new Y.Doc();
      const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
      return { store, doc, online: true };
    });
    const [first] = clients as [Client];
    loadBoard(first.store, first.doc);
    bindStoreToDoc(first.store, first.doc);
    const ids: TLShapeId[] = [];
    for (let n = 0; n < 50; n += 1) {
      const id = createShapeId(`s${n}`);
      ids.push(id);
      first.store.put([
        first.store.schema.types.shape.create({
          id,
          type: 'geo',
          x: n * 120,
          y: 0,
          parentId: 'page:page' as never,
          index: `a${LETTERS[n]}` as never,
          props: GeoShapeUtil.prototype.getDefaultProps.call(null as never),
        }),
      ]);
    }
    syncOnline(server, clients);
    for (const client of clients.slice(1)) {
      loadBoard(client.store, client.doc);
      bindStoreToDoc(client.store, client.doc);
    }

    const writes = new Map<string, Write[]>();
    for (let round = 0; round < 500; round += 1) {
      clients.forEach((client, n) => {
        if (r() < 0.1) client.online = !client.online;
        const changes = 1 + Math.floor(r() * 3);
        for (let c = 0; c < changes; c += 1) {
          const id = pick(r, ids);
          const { name, property, value } = pick(r, PROPERTIES);
          const shape = client.store.get(id) as TLGeoShape;
          const next = value(r);
          if (JSON.stringify(read(shape, property)) === JSON.stringify(next)) continue;
          const seen = stateVector(client.doc);
          client.store.update(id, (s) => write(s as TLGeoShape, property, next));
          const clock = stateVector(client.doc).get(client.doc.clientID) ?? 0;
          const key = `${id}/${name}`;
          writes.set(key, [
            ...(writes.get(key) ?? []),
            { client: client.doc.clientID, clock, seen, value: JSON.stringify(next) },
          ]);
          expect(clock, `client ${n} wrote its change to its document`).toBeGreaterThan(
            seen.get(client.doc.clientID) ?? 0,
          );
        }
      });
      syncOnline(server, clients);
    }
    for (const client of clients) client.online = true;
    syncOnline(server, clients);

    // Converged: every document and every store hold the same shapes.
    const expected = ids.map((id) => first.store.get(id));
    for (const client of clients) {
      expect(Y.encodeStateVector(client.doc)).toEqual(Y.encodeStateVector(server));
      expect(ids.map((id) => client.store.get(id))).toEqual(expected);
    }

    let uncontested = 0;
    for (const [key, list] of writes) {
      const [id, name] = key.split('/') as [TLShapeId, string];
      const { property } = PROPERTIES.find((p) => p.name === name) as (typeof PROPERTIES)[number];
      const final = JSON.stringify(read(first.store.get(id) as TLGeoShape, property));
      // The writes no other write to this property had seen: the ones that may win.
      const latest = list.filter(
        (w) => !list.some((other) => other !== w && (other.seen.get(w.client) ?? 0) >= w.clock),
      );
      expect(
        list.map((w) => w.value),
        `${key} ends with a value one of its writers set`,
      ).toContain(final);
      expect(
        latest.map((w) => w.value),
        `${key} ends with a write nobody had overwritten`,
      ).toContain(final);
      if (latest.length === 1) uncontested += 1;
    }
    // Most properties end with an uncontested write, which must have survived (checked above).
    expect(uncontested).toBeGreaterThan(100);
  }, 120_000);
});

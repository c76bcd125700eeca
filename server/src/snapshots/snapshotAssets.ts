import { boardAssetIds } from '@samverka/model';
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import type { AssetsTable, DatabaseSchema } from '../storage/schema.ts';

/**
 * Snapshots whose shown uploads this process remembers. A snapshot's documents are never
 * updated, so an entry never goes stale; the bound only caps memory (a few ids per snapshot).
 */
const REMEMBERED_SNAPSHOTS = 256;

/**
 * Which uploads a snapshot's canvases show: the asset records of its stored canvas states.
 * A share link's holder may load those and nothing else. Decoding a canvas costs far more
 * than one image request, and a page asks for every image on the board at once, so each
 * snapshot is decoded once and its answer kept (least recently used goes first).
 */
export class SnapshotAssetIndex {
  private readonly shown = new Map<string, Promise<ReadonlySet<string>>>();

  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  /** The ids of the uploads the snapshot's canvases point at. */
  shownBy(snapshotId: string): Promise<ReadonlySet<string>> {
    const known = this.shown.get(snapshotId);
    if (known) {
      this.shown.delete(snapshotId);
      this.shown.set(snapshotId, known);
      return known;
    }
    const loading = this.load(snapshotId);
    // A failed read (the database was away) is not remembered: the next request tries again.
    loading.catch(() => this.shown.delete(snapshotId));
    this.shown.set(snapshotId, loading);
    if (this.shown.size > REMEMBERED_SNAPSHOTS) this.shown.delete(this.shown.keys().next().value as string);
    return loading;
  }

  private async load(snapshotId: string): Promise<ReadonlySet<string>> {
    const canvases = await this.db
      .selectFrom('snapshot_documents')
      .select('state')
      .where('snapshot_id', '=', snapshotId)
      .where('kind', '=', 'canvas')
      .execute();
    const ids = new Set<string>();
    for (const { state } of canvases) {
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, new Uint8Array(state.buffer, state.byteOffset, state.byteLength));
        for (const id of boardAssetIds(doc)) ids.add(id);
      } finally {
        doc.destroy();
      }
    }
    return ids;
  }
}

/** An uploaded asset by id, whoever asks (the caller decides who may have it). */
export function findAsset(db: Kysely<DatabaseSchema>, assetId: string): Promise<AssetsTable | undefined> {
  return db.selectFrom('assets').selectAll().where('id', '=', assetId).executeTakeFirst();
}

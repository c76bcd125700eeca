// biome-ignore-all lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them
import { addShapes, boardRecords, imageAsset, sharedAssetPath } from '@samverka/model';
import { describe, expect, it } from 'vitest';
import { type ApiClient, createTestPartnership, type TestPartnership } from '../support/apiClient.ts';
import { policyServerSuite } from '../support/policyServer.ts';
import { eventually, synced } from '../support/syncClient.ts';

/** A PNG signature and a few bytes of our own, told apart by the last byte. */
const png = (mark: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, mark]);

describe("a shared snapshot's canvas images, for the link's holder", () => {
  const suite = policyServerSuite();

  async function upload(client: ApiClient, canvasId: string, mark: number): Promise<{ id: string; src: string }> {
    const answer = await client.request('POST', `/api/documents/${canvasId}/assets`, png(mark), {
      'content-type': 'image/png',
    });
    expect(answer.status).toBe(201);
    return answer.body.asset;
  }

  /** Puts asset records on the partnership's board over sync and waits until the server has them. */
  async function showOnBoard(p: TestPartnership, records: { id: string; src: string }[]): Promise<void> {
    const writer = suite.connectAs(p.owner.client.cookie, p.canvasId);
    await synced(writer);
    addShapes(
      writer.doc,
      records.map((record) => imageAsset(`asset:${record.id}`, record.src)),
    );
    const reader = suite.connectAs(p.owner.client.cookie, p.canvasId);
    await eventually(
      () => reader.provider.synced && records.every((record) => boardRecords(reader.doc).has(`asset:${record.id}`)),
      'the asset records on the server',
    );
    writer.destroy();
    reader.destroy();
  }

  async function sharedSnapshot(p: TestPartnership): Promise<{ token: string; snapshotId: string; linkId: string }> {
    const snapshot = await p.owner.client.post(`/api/partnerships/${p.id}/snapshots`, { name: 'With images' });
    expect(snapshot.status).toBe(201);
    const link = await p.owner.client.post(`/api/snapshots/${snapshot.body.snapshot.id}/links`, {});
    expect(link.status).toBe(201);
    return { token: link.body.url.split('/').pop(), snapshotId: snapshot.body.snapshot.id, linkId: link.body.link.id };
  }

  /** What a browser with no account gets for `path`. */
  async function holderGets(path: string) {
    const answer = await fetch(suite.base + path);
    return { status: answer.status, headers: answer.headers, bytes: new Uint8Array(await answer.arrayBuffer()) };
  }

  it('serves the images the snapshot shows, and 404 for uploads it does not show, later ones and other partnerships', async () => {
    const p = await createTestPartnership(suite.base, 'Owner');
    const other = await createTestPartnership(suite.base, 'Stranger');
    const shown = await upload(p.owner.client, p.canvasId, 1);
    const notShown = await upload(p.owner.client, p.canvasId, 2);
    const foreign = await upload(other.owner.client, other.canvasId, 3);
    // The board names the other partnership's upload too: naming an id must not open it.
    await showOnBoard(p, [shown, foreign]);
    const { token, snapshotId, linkId } = await sharedSnapshot(p);
    const later = await upload(p.owner.client, p.canvasId, 4);
    await showOnBoard(p, [later]);

    const image = await holderGets(sharedAssetPath(token, shown.id));
    expect(image.status).toBe(200);
    expect(image.bytes).toEqual(png(1));
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-security-policy')).toContain('sandbox');
    // The member route stays closed to the holder.
    expect((await holderGets(shown.src)).status).toBe(401);

    const refused = {
      notShown: (await holderGets(sharedAssetPath(token, notShown.id))).status,
      foreign: (await holderGets(sharedAssetPath(token, foreign.id))).status,
      later: (await holderGets(sharedAssetPath(token, later.id))).status,
      unknown: (await holderGets(sharedAssetPath(token, 'no-such-asset'))).status,
      badToken: (await holderGets(sharedAssetPath(`${token.slice(0, -1)}x`, shown.id))).status,
    };
    expect(refused).toEqual({ notShown: 404, foreign: 404, later: 404, unknown: 404, badToken: 404 });

    // A revoked link opens none of them.
    const revoked = await p.owner.client.request('DELETE', `/api/snapshots/${snapshotId}/links/${linkId}`);
    expect(revoked.status).toBe(204);
    expect((await holderGets(sharedAssetPath(token, shown.id))).status).toBe(404);
  });

  it("does not open a snapshot's images through another partnership's link", async () => {
    const p = await createTestPartnership(suite.base, 'Owner');
    const other = await createTestPartnership(suite.base, 'Neighbour');
    const shown = await upload(p.owner.client, p.canvasId, 5);
    await showOnBoard(p, [shown]);
    await sharedSnapshot(p);
    const { token } = await sharedSnapshot(other);
    expect((await holderGets(sharedAssetPath(token, shown.id))).status).toBe(404);
  });
});

import type { SharedSnapshotResponse } from '@samverka/model';
import * as Y from 'yjs';
import { ApiRequestError, api } from '../api/apiClient.ts';

/**
 * Where a snapshot is read from: a member reads `/api/snapshots/:id`, a link holder
 * `/api/shared/:token`. The shared answer is a subset of the member's (no ids, no people),
 * so every view takes a source and reads only what both answer.
 */
export type SnapshotSource = { kind: 'member'; snapshotId: string } | { kind: 'shared'; token: string };

/** The API path a source's snapshot and documents live under. */
export function sourceBase(source: SnapshotSource): string {
  return source.kind === 'member'
    ? `/api/snapshots/${encodeURIComponent(source.snapshotId)}`
    : `/api/shared/${encodeURIComponent(source.token)}`;
}

export function loadSnapshotDetail(source: SnapshotSource): Promise<SharedSnapshotResponse> {
  return api.get<SharedSnapshotResponse>(sourceBase(source));
}

/**
 * One stored document as a local Y.Doc: the stored `Y.encodeStateAsUpdate` applied to a
 * fresh doc with no provider, so nothing the page does can reach the server.
 */
export async function loadSnapshotDoc(source: SnapshotSource, documentId: string): Promise<Y.Doc> {
  let response: Response;
  try {
    response = await fetch(`${sourceBase(source)}/documents/${encodeURIComponent(documentId)}`, {
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiRequestError(0, 'network_error', 'The server could not be reached');
  }
  if (!response.ok) throw new ApiRequestError(response.status, 'not_found', response.statusText);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
  return doc;
}

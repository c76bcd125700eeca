import type {
  AcknowledgementResponse,
  SnapshotComparison,
  SnapshotLinkCreatedResponse,
  SnapshotResponse,
} from '@samverka/model';
import { api } from '../api/apiClient.ts';

const snapshotPath = (id: string) => `/api/snapshots/${encodeURIComponent(id)}`;

/** The member-side snapshot routes (see packages/model `api/snapshots.ts`). */
export const snapshotsApi = {
  listPath: (partnershipId: string) => `/api/partnerships/${encodeURIComponent(partnershipId)}/snapshots`,
  create: (partnershipId: string, name: string) =>
    api.post<SnapshotResponse>(`/api/partnerships/${encodeURIComponent(partnershipId)}/snapshots`, { name }),
  rename: (id: string, name: string) => api.patch<SnapshotResponse>(snapshotPath(id), { name }),
  remove: (id: string) => api.delete(snapshotPath(id)),
  acknowledge: (id: string) => api.post<AcknowledgementResponse>(`${snapshotPath(id)}/acknowledgements`),
  linksPath: (id: string) => `${snapshotPath(id)}/links`,
  createLink: (id: string, expiresAt?: string) =>
    api.post<SnapshotLinkCreatedResponse>(`${snapshotPath(id)}/links`, expiresAt ? { expiresAt } : {}),
  revokeLink: (id: string, linkId: string) => api.delete(`${snapshotPath(id)}/links/${encodeURIComponent(linkId)}`),
  comparePath: (id: string, withId: string) => `${snapshotPath(id)}/compare?with=${encodeURIComponent(withId)}`,
  compare: (id: string, withId: string) => api.get<SnapshotComparison>(snapshotsApi.comparePath(id, withId)),
};

/**
 * Tells every mounted snapshot list (the section and the "latest snapshot" panel)
 * to load again after a change made in one of them.
 */
const changes = new EventTarget();
export function announceSnapshotsChanged(): void {
  changes.dispatchEvent(new Event('changed'));
}
export function onSnapshotsChanged(listener: () => void): () => void {
  changes.addEventListener('changed', listener);
  return () => changes.removeEventListener('changed', listener);
}

import type { SnapshotsResponse } from '@samverka/model';
import { useEffect } from 'react';
import { useApiResource } from '../api/useApiResource.ts';
import { onSnapshotsChanged, snapshotsApi } from './snapshotsApi.ts';

/** The partnership's snapshots, latest first, reloaded whenever any panel changes one. */
export function useSnapshots(partnershipId: string) {
  const resource = useApiResource<SnapshotsResponse>(snapshotsApi.listPath(partnershipId));
  const { reload } = resource;
  useEffect(() => onSnapshotsChanged(reload), [reload]);
  return resource;
}

import type { SnapshotsResponse } from '@samverka/model';
import { useEffect } from 'react';
import { useApiResource } from '../api/useApiResource.ts';
import { onPartnershipEvent } from '../comments/partnershipEvents.ts';
import { onSnapshotsChanged, snapshotsApi } from './snapshotsApi.ts';

/**
 * The partnership's snapshots, latest first, reloaded whenever a panel here changes
 * one, and when the partnership's event stream says someone else did (a new
 * snapshot, a rename, a deletion or an acknowledgement), so the home page stays live.
 */
export function useSnapshots(partnershipId: string) {
  const resource = useApiResource<SnapshotsResponse>(snapshotsApi.listPath(partnershipId));
  const { reload } = resource;
  useEffect(() => onSnapshotsChanged(reload), [reload]);
  useEffect(
    () =>
      onPartnershipEvent((event) => {
        if (event === 'resync' || event.type === 'snapshot') reload();
      }),
    [reload],
  );
  return resource;
}

import type { SharedSnapshotResponse } from '@samverka/model';
import { useEffect, useState } from 'react';
import type { ApiRequestError } from '../api/apiClient.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useParams } from '../router/router.tsx';
import { Skeleton, usePageTitle } from '../ui/index.ts';
import { SnapshotView } from './SnapshotView.tsx';
import { loadSnapshotDetail, type SnapshotSource } from './snapshotSource.ts';

/**
 * `/shared/:token`: a snapshot opened by its share link, with no account. Everything
 * comes from `/api/shared/:token`; there is no socket and no other API call of ours.
 */
export default function SharedSnapshotPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const [state, setState] = useState<{ detail?: SharedSnapshotResponse; error?: ApiRequestError }>({});
  useEffect(() => {
    let cancelled = false;
    loadSnapshotDetail({ kind: 'shared', token }).then(
      (detail) => !cancelled && setState({ detail }),
      (error: ApiRequestError) => !cancelled && setState({ error }),
    );
    return () => {
      cancelled = true;
    };
  }, [token]);
  usePageTitle(state.detail?.snapshot.name ?? t('snapshots.sharedTitle'));
  if (state.error) {
    return (
      <div className="page">
        <h1>{t('snapshots.linkInvalidHeading')}</h1>
        <p data-testid="shared-invalid">{t('snapshots.linkInvalid')}</p>
      </div>
    );
  }
  if (!state.detail) return <Skeleton lines={6} />;
  const source: SnapshotSource = { kind: 'shared', token };
  return <SnapshotView source={source} detail={state.detail} />;
}

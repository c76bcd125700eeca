import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { loadSnapshotDoc, type SnapshotSource } from './snapshotSource.ts';

export type SnapshotDocState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; doc: Y.Doc };

/** Loads one stored document into a local Y.Doc; the doc is destroyed when the component leaves. */
export function useSnapshotDoc(source: SnapshotSource, documentId: string): SnapshotDocState {
  const [state, setState] = useState<SnapshotDocState>({ status: 'loading' });
  const sourceKey = source.kind === 'member' ? source.snapshotId : source.token;
  // biome-ignore lint/correctness/useExhaustiveDependencies: sourceKey identifies the source
  useEffect(() => {
    let cancelled = false;
    let loaded: Y.Doc | undefined;
    setState({ status: 'loading' });
    loadSnapshotDoc(source, documentId).then(
      (doc) => {
        if (cancelled) doc.destroy();
        else {
          loaded = doc;
          setState({ status: 'ready', doc });
        }
      },
      () => !cancelled && setState({ status: 'error' }),
    );
    return () => {
      cancelled = true;
      loaded?.destroy();
    };
  }, [sourceKey, source.kind, documentId]);
  return state;
}

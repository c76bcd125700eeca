import type { SnapshotDocument } from '@samverka/model';
import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Skeleton } from '../ui/index.ts';
import { SnapshotRegister } from './SnapshotRegister.tsx';
import type { SnapshotSource } from './snapshotSource.ts';
import { useSnapshotDoc } from './useSnapshotDoc.ts';

// tldraw and Tiptap are large; each loads only when a snapshot shows a part of its kind.
const SnapshotCanvas = lazy(() => import('./SnapshotCanvas.tsx').then((m) => ({ default: m.SnapshotCanvas })));
const SnapshotText = lazy(() => import('./SnapshotText.tsx').then((m) => ({ default: m.SnapshotText })));

/** One part of a snapshot (the register, a canvas or a text document), loaded from its stored state. */
export function SnapshotDocumentPart({ source, document }: { source: SnapshotSource; document: SnapshotDocument }) {
  const { t } = useI18n();
  const state = useSnapshotDoc(source, document.id);
  if (state.status === 'loading') return <Skeleton lines={4} />;
  if (state.status === 'error') return <p className="form-alert">{t('snapshots.partFailed')}</p>;
  return (
    <Suspense fallback={<Skeleton lines={4} />}>
      {document.kind === 'register' && <SnapshotRegister doc={state.doc} />}
      {document.kind === 'canvas' && <SnapshotCanvas doc={state.doc} source={source} />}
      {document.kind === 'text' && <SnapshotText doc={state.doc} title={document.title} />}
    </Suspense>
  );
}

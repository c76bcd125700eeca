import { lazy, Suspense, useState } from 'react';
import type { Editor } from 'tldraw';
import type * as Y from 'yjs';
import { useI18n } from '../i18n/i18n.tsx';
import type { SnapshotSource } from './snapshotSource.ts';

const SnapshotCanvas = lazy(() => import('./SnapshotCanvas.tsx').then((m) => ({ default: m.SnapshotCanvas })));

/** Renders every shape of the board with tldraw's own SVG export (in the light theme, as paper is). */
async function boardSvg(editor: Editor): Promise<string | undefined> {
  const ids = [...editor.getCurrentPageShapeIds()];
  if (ids.length === 0) return undefined;
  const result = await editor.getSvgString(ids, { background: true, padding: 16, darkMode: false });
  return result?.svg;
}

/**
 * A board as a picture for the printed report: the snapshot's canvas is mounted out of
 * sight just long enough for tldraw to export it as SVG, then only the image stays.
 */
export function CanvasImage({ doc, title, source }: { doc: Y.Doc; title: string; source: SnapshotSource }) {
  const { t } = useI18n();
  const [image, setImage] = useState<{ src?: string; done: boolean }>({ done: false });
  const capture = (editor: Editor) => {
    boardSvg(editor).then(
      (svg) => setImage({ done: true, src: svg && `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }),
      () => setImage({ done: true }),
    );
  };
  if (image.done) {
    return image.src ? (
      <img
        className="report-canvas"
        src={image.src}
        alt={t('report.canvasAlt', { title })}
        data-testid="report-canvas"
      />
    ) : (
      <p className="muted">{t('report.canvasEmpty')}</p>
    );
  }
  return (
    <div className="report-canvas-stage" aria-hidden="true">
      <Suspense fallback={null}>
        <SnapshotCanvas doc={doc} source={source} onEditor={capture} />
      </Suspense>
    </div>
  );
}

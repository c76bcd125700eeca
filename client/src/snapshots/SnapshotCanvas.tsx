import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { useEffect, useState } from 'react';
import {
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type Editor,
  getUserPreferences,
  setUserPreferences,
  type TLStoreWithStatus,
  Tldraw,
} from 'tldraw';
import type * as Y from 'yjs';
import 'tldraw/tldraw.css';
import '../canvas/canvas.css';
import { CanvasMainMenu } from '../canvas/CanvasMainMenu.tsx';
import { CANVAS_SHAPE_UTILS } from '../canvas/sectionFrame.ts';
import { loadBoard } from '../canvas/tldrawYjsBinding.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useTheme } from '../ui/index.ts';
import { snapshotAssetStore } from './snapshotAssetStore.ts';
import type { SnapshotSource } from './snapshotSource.ts';

const assetUrls = getAssetUrlsByImport();
const COMPONENTS = { MainMenu: CanvasMainMenu };
const licenseKey = document.querySelector<HTMLMetaElement>('meta[name="samverka-tldraw-license"]')?.content;

/**
 * A board as it was in a snapshot: the live canvas's tldraw with the same shape utils,
 * loaded once from the stored Y.Doc (read-only: nothing is converted, migrated back or
 * bound), in tldraw's read-only mode. The store is never connected to anything, so
 * whatever tldraw lets a person do (panning, zooming) stays in this browser tab.
 */
export function SnapshotCanvas({
  doc,
  source,
  onEditor,
}: {
  doc: Y.Doc;
  /** Where the snapshot was opened from: its images are read the same way. */
  source: SnapshotSource;
  onEditor?: (editor: Editor) => void;
}) {
  const { locale } = useI18n();
  const { theme } = useTheme();
  useEffect(() => {
    setUserPreferences({ ...getUserPreferences(), locale, colorScheme: theme });
  }, [locale, theme]);
  const [store] = useState<TLStoreWithStatus>(() => {
    const tlStore = createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      assets: snapshotAssetStore(source),
    });
    try {
      loadBoard(tlStore, doc, { readOnly: true });
    } catch (error) {
      return { status: 'error', error: error as Error };
    }
    return { status: 'synced-local', store: tlStore };
  });
  return (
    <div className="canvas-host snapshot-canvas" data-testid="snapshot-canvas">
      <Tldraw
        store={store}
        assetUrls={assetUrls}
        licenseKey={licenseKey}
        shapeUtils={CANVAS_SHAPE_UTILS}
        components={COMPONENTS}
        onMount={(editor) => {
          editor.updateInstanceState({ isReadonly: true });
          editor.zoomToFit({ animation: { duration: 0 } });
          onEditor?.(editor);
        }}
      />
    </div>
  );
}

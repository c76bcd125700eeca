import type { Side } from '@samverka/model';
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  atom,
  createTLStore,
  createUserId,
  defaultBindingUtils,
  defaultShapeUtils,
  type Editor,
  getUserPreferences,
  setUserPreferences,
  type TLComponents,
  type TLStoreWithStatus,
  type TLUser,
  Tldraw,
  UserRecordType,
  useValue,
} from 'tldraw';
import 'tldraw/tldraw.css';
import './canvas.css';
import { useI18n } from '../i18n/i18n.tsx';
import { useIdentity } from '../identity/identity.tsx';
import { useDocumentTitle } from '../partnerships/useDocumentTitle.ts';
import { useDocumentSession, useLoaded } from '../sync/useDocumentSession.ts';
import { usePresence } from '../sync/usePresence.ts';
import { useTheme } from '../ui/index.ts';
import { oncePerFrame, RemoteChangeBatch } from './boardChangeSync.ts';
import { CanvasCommentsContext, CanvasCommentsOverlay } from './CanvasComments.tsx';
import { CanvasHeader } from './CanvasHeader.tsx';
import { CanvasMainMenu } from './CanvasMainMenu.tsx';
import { NewerSchemaNotice } from './NewerSchemaNotice.tsx';
import { CANVAS_SHAPE_UTILS } from './sectionFrame.ts';
import { serverAssetStore } from './serverAssetStore.ts';
import { lockTemplate } from './templateProtection.ts';
import { bindPresence } from './tldrawPresence.ts';
import { bindStoreToDoc, loadBoard } from './tldrawYjsBinding.ts';
import { useCanvasComments } from './useCanvasComments.ts';
import { useDocumentId } from './useDocumentId.ts';

// Fonts, icons and translations are bundled and served by us, never a CDN.
const assetUrls = getAssetUrlsByImport();
/**
 * tldraw's text editor (TipTap) takes `autofocus: true`, which TipTap reads as "start"
 * and applies in a timer after mounting. Keys typed into a new text shape before that
 * timer runs were then followed by a caret jump to the start ("Volvo Cars" became
 * "olVvo Cars"). Focusing at the end keeps what was already typed in order.
 */
const CANVAS_OPTIONS = { text: { tipTapConfig: { autofocus: 'end' as const } } };
/** tldraw's UI parts replaced or added by ours (stable, so tldraw does not remount them). */
const CANVAS_COMPONENTS: TLComponents = { MainMenu: CanvasMainMenu, InFrontOfTheCanvas: CanvasCommentsOverlay };
const licenseKey = document.querySelector<HTMLMetaElement>('meta[name="samverka-tldraw-license"]')?.content;

export interface CanvasPageProps {
  /** Viewers and commenters: nothing can be selected, moved or deleted, and nothing is written. */
  readOnly?: boolean;
  /** This person's side of the partnership, shown to the others when known. */
  side?: Side;
  /** Owners may change the template's sections; for everyone else they are locked. */
  mayChangeTemplate?: boolean;
}

/**
 * Keeps tldraw in read-only mode and, there, stops selection too (viewers cannot pick
 * shapes up). Commenters may select, to comment on a shape: selection is this browser's
 * state and never reaches the board's Y.Doc.
 */
function applyReadOnly(editor: Editor, readOnly: boolean, maySelect: boolean): () => void {
  editor.updateInstanceState({ isReadonly: readOnly });
  if (!readOnly || maySelect) return () => undefined;
  editor.selectNone();
  return editor.sideEffects.registerBeforeChangeHandler('instance_page_state', (_prev, next) =>
    next.selectedShapeIds.length === 0 ? next : { ...next, selectedShapeIds: [] },
  );
}

/**
 * Screen pixels kept clear of the board when it opens: tldraw's menu bar (top left; the
 * section headings sit above their frames, outside the page bounds),
 * style panel (a ~150 px column at the top right) and toolbar (bottom centre).
 */
const PANEL_CLEARANCE = { top: 96, right: 176, bottom: 72, left: 24 };

/**
 * Opens a board showing all its sections, in the part of the screen tldraw's panels
 * leave free, so the style panel never covers the right-hand column (sections 4 and 8).
 * `zoomToBounds` has one inset for all sides, which on a tablet left it under the panel.
 */
function fitBoardBesidePanels(editor: Editor) {
  const bounds = editor.getCurrentPageBounds();
  if (!bounds) return;
  const screen = editor.getViewportScreenBounds();
  const free = {
    width: screen.w - PANEL_CLEARANCE.left - PANEL_CLEARANCE.right,
    height: screen.h - PANEL_CLEARANCE.top - PANEL_CLEARANCE.bottom,
  };
  if (free.width <= 0 || free.height <= 0) return;
  const z = Math.min(1, free.width / bounds.w, free.height / bounds.h);
  // tldraw maps a page point p to the screen at (p + camera) * z.
  const left = PANEL_CLEARANCE.left + (free.width - bounds.w * z) / 2;
  const top = PANEL_CLEARANCE.top + (free.height - bounds.h * z) / 2;
  editor.setCamera({ x: left / z - bounds.x, y: top / z - bounds.y, z });
}

/** A live tldraw board bound to one canvas document. */
export default function CanvasPage({ readOnly = false, side, mayChangeTemplate = false }: CanvasPageProps) {
  const docId = useDocumentId();
  const { t, locale } = useI18n();
  const title = useDocumentTitle(docId, t('canvas.title'));
  const { identity } = useIdentity();
  const session = useDocumentSession(docId);
  const loadedNow = useLoaded(session);
  // Once shown, a board stays bound through disconnections: edits made offline must keep
  // reaching the doc (and IndexedDB), not be dropped by an unbind.
  // A session opened at boot (preloadRouteCode) is often synced before the page mounts.
  const [loaded, setLoaded] = useState(loadedNow);
  useEffect(() => {
    if (loadedNow) setLoaded(true);
  }, [loadedNow]);
  const presenceUser = useMemo(() => ({ ...identity, side: side ?? identity.side }), [identity, side]);
  const collaborators = usePresence(session, presenceUser);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [newerSchema, setNewerSchema] = useState(false);
  const effectiveReadOnly = readOnly || newerSchema;

  const user$ = useMemo(() => atom<TLUser | null>('current user', null), []);
  useEffect(() => {
    user$.set(UserRecordType.create({ id: createUserId(identity.id), name: identity.name, color: identity.color }));
  }, [user$, identity]);

  // tldraw's own menus follow the app's language, and the board the app's theme.
  const { theme } = useTheme();
  useEffect(() => {
    setUserPreferences({ ...getUserPreferences(), locale, colorScheme: theme });
  }, [locale, theme]);

  const [store] = useState(() =>
    createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
      users: { currentUser: user$ },
      assets: serverAssetStore(docId),
    }),
  );
  const [storeWithStatus, setStoreWithStatus] = useState<TLStoreWithStatus>({ status: 'loading' });

  useEffect(() => {
    if (!loaded) return;
    let unbindDoc: () => void;
    // Remote board changes and cursors: at most one merge a frame (boardChangeSync.ts).
    const remote = new RemoteChangeBatch(store, oncePerFrame());
    try {
      const result = loadBoard(store, session.doc, { readOnly });
      if (result === 'newer') setNewerSchema(true);
      unbindDoc = bindStoreToDoc(store, session.doc, {
        readOnly,
        onNewerSchema: () => setNewerSchema(true),
        remote,
      });
    } catch (error) {
      setStoreWithStatus({ status: 'error', error: error as Error });
      return;
    }
    const unbindPresence = bindPresence(store, session.provider.awareness, user$, remote);
    setStoreWithStatus({ status: 'synced-remote', connectionStatus: 'online', store });
    return () => {
      unbindDoc();
      unbindPresence();
      remote.dispose();
    };
  }, [loaded, store, session, user$, readOnly]);

  // Thread badges and the "Comment" action on shapes; commenters may select shapes to comment on.
  const comments = useCanvasComments(docId, editor);
  const maySelect = comments.mayComment;
  useEffect(() => {
    if (editor) return applyReadOnly(editor, effectiveReadOnly, maySelect);
  }, [editor, effectiveReadOnly, maySelect]);

  useEffect(() => {
    if (editor && !mayChangeTemplate) return lockTemplate(editor);
  }, [editor, mayChangeTemplate]);

  const showWholeBoard = useCallback((mounted: Editor) => {
    fitBoardBesidePanels(mounted);
    setEditor(mounted);
  }, []);

  const followingUserId = useValue('following', () => editor?.getInstanceState().followingUserId ?? null, [editor]);

  return (
    <div className="document-page">
      <CanvasHeader
        title={title}
        session={session}
        collaborators={collaborators}
        editor={editor}
        readOnly={effectiveReadOnly}
        followingUserId={followingUserId}
      />
      {newerSchema && <NewerSchemaNotice />}
      <div className="canvas-host" data-testid="canvas">
        <CanvasCommentsContext.Provider value={comments}>
          <Tldraw
            store={storeWithStatus}
            assetUrls={assetUrls}
            licenseKey={licenseKey}
            options={CANVAS_OPTIONS}
            shapeUtils={CANVAS_SHAPE_UTILS}
            components={CANVAS_COMPONENTS}
            onMount={showWholeBoard}
          />
        </CanvasCommentsContext.Provider>
      </div>
    </div>
  );
}

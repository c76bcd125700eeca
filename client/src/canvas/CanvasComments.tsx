import { createContext, useContext } from 'react';
import { type Editor, type TLShapeId, useEditor, useValue } from 'tldraw';
import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Comments on canvas shapes, drawn in front of the board (tldraw's `InFrontOfTheCanvas`
 * slot): a badge with the thread count at the top-right corner of every commented
 * shape, and a "Comment" button under the one selected shape for people who may
 * comment. Nothing here writes to the board, so a commenter's read-only canvas can
 * show them too. The page says what to show through `CanvasCommentsContext`.
 */

export interface CanvasCommentsValue {
  /** Open threads per shape id. */
  counts: ReadonlyMap<string, number>;
  mayComment: boolean;
  /** The badge was pressed: show this shape's threads. */
  onOpenThreads(shapeId: string): void;
  /** Start a new thread on this shape. */
  onComment(shapeId: string): void;
}

export const CanvasCommentsContext = createContext<CanvasCommentsValue | null>(null);

/** Screen positions of the badges, recomputed when shapes move or the camera does. */
function useBadges(editor: Editor, counts: ReadonlyMap<string, number>) {
  return useValue(
    'comment badges',
    () =>
      [...counts].flatMap(([shapeId, count]) => {
        const bounds = editor.getShapePageBounds(shapeId as TLShapeId);
        if (!bounds || count < 1) return [];
        const corner = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY });
        return [{ shapeId, count, x: corner.x, y: corner.y }];
      }),
    [editor, counts],
  );
}

function useSelectedShapeAction(editor: Editor) {
  return useValue('comment action', () => {
    const [only, ...more] = editor.getSelectedShapeIds();
    if (!only || more.length || editor.getEditingShapeId()) return null;
    const bounds = editor.getShapePageBounds(only);
    if (!bounds) return null;
    const corner = editor.pageToViewport({ x: bounds.minX, y: bounds.maxY });
    return { shapeId: only as string, x: corner.x, y: corner.y };
  }, [editor]);
}

/** The overlay itself; mounted by tldraw inside its editor context. */
export function CanvasCommentsOverlay() {
  const editor = useEditor();
  const comments = useContext(CanvasCommentsContext);
  const { t } = useI18n();
  const { plural } = useFormat();
  const badges = useBadges(editor, comments?.counts ?? new Map());
  const action = useSelectedShapeAction(editor);
  if (!comments) return null;
  return (
    <div className="canvas-comments">
      {badges.map((badge) => (
        <button
          key={badge.shapeId}
          type="button"
          className="shape-comment-badge"
          style={{ left: badge.x, top: badge.y }}
          data-shape-id={badge.shapeId}
          aria-label={plural('shapeComments.badge', badge.count)}
          onPointerDown={(event) => event.stopPropagation()}
          onClick={() => comments.onOpenThreads(badge.shapeId)}
        >
          {badge.count}
        </button>
      ))}
      {action && comments.mayComment && (
        <button
          type="button"
          className="shape-comment-action"
          style={{ left: action.x, top: action.y }}
          onPointerDown={(event) => event.stopPropagation()}
          onClick={() => comments.onComment(action.shapeId)}
        >
          {t('shapeComments.comment')}
        </button>
      )}
    </div>
  );
}

/** Brings a thread's shape into view and, where selection is allowed, selects it. */
export function focusShape(editor: Editor, shapeId: string): boolean {
  const id = shapeId as TLShapeId;
  const bounds = editor.getShapePageBounds(id);
  if (!bounds) return false;
  editor.select(id);
  editor.zoomToBounds(bounds, {
    inset: 160,
    targetZoom: Math.min(1, editor.getZoomLevel()),
    animation: { duration: 250 },
  });
  return true;
}

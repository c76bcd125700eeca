import type { ThreadAnchor } from '@samverka/model';
import { useEffect, useMemo } from 'react';
import type { Editor } from 'tldraw';
import { useAnchorFocus } from '../comments/CommentsDrawer.tsx';
import { useThreadCounts, useThreadStore } from '../comments/ThreadsProvider.tsx';
import { type CanvasCommentsValue, focusShape } from './CanvasComments.tsx';

/**
 * Binds a canvas page to the thread store: badges count each shape's open threads,
 * the badge opens them in the side panel, "Comment" starts one, and selecting a shape's
 * thread (in the panel, or through a link) brings the shape into view and selects it.
 */
export function useCanvasComments(documentId: string, editor: Editor | null): CanvasCommentsValue {
  const { openPanel, panel, threads, may } = useThreadStore();
  const counts = useThreadCounts();
  const shapeCounts = useMemo(() => {
    const prefix = `shape:${documentId}:`;
    const result = new Map<string, number>();
    for (const [key, count] of counts) {
      if (key.startsWith(prefix) && count.open > 0) result.set(key.slice(prefix.length), count.open);
    }
    return result;
  }, [counts, documentId]);

  const shapeOf = (anchor: ThreadAnchor | undefined) =>
    anchor?.type === 'shape' && anchor.documentId === documentId ? anchor.shapeId : null;
  useAnchorFocus((anchor) => {
    const shapeId = shapeOf(anchor);
    return Boolean(shapeId && editor && focusShape(editor, shapeId));
  });
  // A thread opened by a link (the inbox, the home page) shows its shape once the board is there.
  const linkedShape = panel.open && panel.threadId ? shapeOf(threads.get(panel.threadId)?.anchor) : null;
  useEffect(() => {
    if (editor && linkedShape) focusShape(editor, linkedShape);
  }, [editor, linkedShape]);

  return useMemo(() => {
    const anchorOf = (shapeId: string): ThreadAnchor => ({ type: 'shape', documentId, shapeId });
    return {
      counts: shapeCounts,
      mayComment: may.comment,
      onOpenThreads: (shapeId) => openPanel({ anchor: anchorOf(shapeId) }),
      onComment: (shapeId) => openPanel({ anchor: anchorOf(shapeId), newThread: anchorOf(shapeId) }),
    };
  }, [shapeCounts, may.comment, openPanel, documentId]);
}

import type { ThreadAnchor } from '@samverka/model';
import { useCallback, useMemo, useState } from 'react';
import { useAnchorFocus } from '../comments/CommentsDrawer.tsx';
import type { HighlightedThread } from '../comments/commentHighlights.ts';
import { anchorKey } from '../comments/commentsApi.ts';
import { useAnchorLabels, useThreadStore, useThreads } from '../comments/ThreadsProvider.tsx';
import type { AnchorResolution, TextAnchor } from '../comments/textAnchors.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** What the text document page shows of the partnership's comment threads, and how it acts on them. */
export interface DocumentComments {
  /** Open threads on this document's text (a stable array while they are unchanged). */
  threads: HighlightedThread[];
  /** The thread to emphasise and scroll to; `seq` grows with every request, so asking again scrolls again. */
  focus: { threadId: string | null; seq: number };
  mayComment: boolean;
  onSelectThread(threadId: string): void;
  onStartThread(anchor: TextAnchor): void;
  onResolved(resolutions: Map<string, AnchorResolution>): void;
}

/**
 * Binds a text document page to the thread store: its open text threads become
 * highlights; a detached one is labelled "detached" with its quote in the side panel;
 * selecting a thread in the panel emphasises and scrolls to its words, and a click on
 * words opens their thread.
 */
export function useDocumentComments(documentId: string): DocumentComments {
  const { t } = useI18n();
  const store = useThreadStore();
  const { openPanel, panel } = store;
  const onThisText = useCallback(
    (anchor: ThreadAnchor) => anchor.type === 'text' && anchor.documentId === documentId,
    [documentId],
  );
  const open = useThreads({ filter: 'open', anchor: onThisText });
  const threads = useMemo(() => open.map((thread) => ({ id: thread.id, anchor: thread.anchor as TextAnchor })), [open]);

  const [detached, setDetached] = useState<ReadonlyMap<string, string>>(new Map());
  const onResolved = useCallback(
    (resolutions: Map<string, AnchorResolution>) => {
      const labels = new Map<string, string>();
      for (const thread of threads) {
        if (resolutions.get(thread.id)?.status === 'detached') {
          labels.set(anchorKey(thread.anchor), t('textComments.detached', { quote: thread.anchor.quote }));
        }
      }
      // Only a changed set of detached threads updates the panel's labels.
      setDetached((current) => (sameEntries(current, labels) ? current : labels));
    },
    [threads, t],
  );
  useAnchorLabels(detached);

  const [focus, setFocus] = useState<{ threadId: string | null; seq: number }>({ threadId: null, seq: 0 });
  useAnchorFocus((anchor) => {
    if (!onThisText(anchor)) return false;
    const thread = threads.find((candidate) => anchorKey(candidate.anchor) === anchorKey(anchor));
    setFocus((current) => ({ threadId: thread?.id ?? null, seq: current.seq + 1 }));
    return true;
  });
  // The thread open in the panel stays emphasised, however it was opened (a link, the inbox).
  const openThread =
    panel.open && panel.threadId && threads.some((th) => th.id === panel.threadId) ? panel.threadId : null;
  const panelOpen = panel.open;
  const shownFocus = useMemo(() => {
    // A closed panel emphasises nothing.
    if (!panelOpen) return { threadId: null, seq: focus.seq };
    return openThread && focus.threadId !== openThread ? { threadId: openThread, seq: focus.seq } : focus;
  }, [panelOpen, openThread, focus]);

  return {
    threads,
    focus: shownFocus,
    mayComment: store.may.comment,
    onSelectThread: (threadId) => openPanel({ threadId }),
    onStartThread: (anchor) => openPanel({ anchor, newThread: anchor }),
    onResolved,
  };
}

function sameEntries(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}

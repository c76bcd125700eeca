import { createContext } from 'react';
import type { HighlightedThread } from '../comments/commentHighlights.ts';
import type { AnchorResolution, TextAnchor } from '../comments/textAnchors.ts';

/**
 * What the text document page needs from the partnership's comment threads: the open
 * threads on this document's text, which one is selected, and what to do when someone
 * selects one, starts one, or when the anchors resolve. Provided by the partnership
 * layout's thread store; without it the page shows no comments.
 */
export interface DocumentCommentsValue {
  /** Open threads on this document's text; keep the array stable while it is unchanged. */
  threads: HighlightedThread[];
  activeThreadId: string | null;
  mayComment: boolean;
  onSelectThread(threadId: string): void;
  onStartThread(anchor: TextAnchor): void;
  /** Which threads are attached, detached or still waiting for their text. */
  onResolved(resolutions: Map<string, AnchorResolution>): void;
}

export const DocumentCommentsContext = createContext<DocumentCommentsValue | null>(null);

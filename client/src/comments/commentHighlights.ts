import { type Editor, Extension } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { anchorKey } from './commentsApi.ts';
import {
  type AnchorResolution,
  type BoundDocument,
  createTextAnchor,
  resolveTextAnchor,
  type TextAnchor,
} from './textAnchors.ts';

/**
 * Comment highlights in a text document: ProseMirror decorations, not marks, so they
 * live only in this browser's view and a commenter needs no write access to the
 * content. The page hands in the threads to show (`setCommentHighlights`); after every
 * change the anchors are resolved again against the Y.Doc, and the page hears which
 * are attached where and which are detached (`onResolved`). A click on a highlight
 * reports its thread (`onSelect`).
 */

export interface HighlightedThread {
  id: string;
  anchor: TextAnchor;
}

export interface CommentHighlightsOptions {
  onSelect: (threadId: string) => void;
  onResolved: (resolutions: Map<string, AnchorResolution>) => void;
}

interface HighlightState {
  threads: HighlightedThread[];
  activeId: string | null;
  decorations: DecorationSet;
  ranges: Map<string, { from: number; to: number }>;
}

type HighlightMeta =
  | { kind: 'threads'; threads: HighlightedThread[] }
  | { kind: 'active'; activeId: string | null }
  | { kind: 'resolved'; ranges: Map<string, { from: number; to: number }> };

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

/** The y-prosemirror binding's view of the document now, or null before it is bound. */
export function boundDocumentOf(state: EditorState): BoundDocument | null {
  const sync = ySyncPluginKey.getState(state);
  if (!sync?.doc || !sync.type || !sync.binding) return null;
  return { ydoc: sync.doc, fragment: sync.type, pmDoc: state.doc, mapping: sync.binding.mapping };
}

/** An anchor on the editor's selection (trimmed to its words), or null when it selects no text. */
export function anchorFromSelection(editor: Editor, documentId: string): TextAnchor | null {
  const bound = boundDocumentOf(editor.state);
  const { from, to, empty } = editor.state.selection;
  if (!bound || empty) return null;
  return createTextAnchor(documentId, bound, from, to)?.anchor ?? null;
}

function decorationsFor(
  state: EditorState,
  threads: HighlightedThread[],
  ranges: Map<string, { from: number; to: number }>,
  activeId: string | null,
) {
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    const id = thread.id;
    const range = ranges.get(id);
    if (!range) continue;
    const { from, to } = range;
    if (from >= to || to > state.doc.content.size) continue;
    const active = id === activeId;
    decorations.push(
      Decoration.inline(
        from,
        to,
        {
          class: active ? 'comment-highlight comment-highlight--active' : 'comment-highlight',
          'data-thread-id': id,
          // The side panel's generic "show the anchor" finds highlights by this key too.
          'data-anchor-key': anchorKey(thread.anchor),
        },
        { threadId: id, inclusiveStart: false, inclusiveEnd: false },
      ),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/** Resolves every thread's anchor against the Y.Doc as it is now. */
function resolveAll(view: EditorView, threads: HighlightedThread[]): Map<string, AnchorResolution> {
  const bound = boundDocumentOf(view.state);
  const results = new Map<string, AnchorResolution>();
  if (!bound) return results;
  for (const thread of threads) results.set(thread.id, resolveTextAnchor(thread.anchor, bound));
  return results;
}

export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',

  addOptions() {
    return { onSelect: () => {}, onResolved: () => {} };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ threads: [], activeId: null, decorations: DecorationSet.empty, ranges: new Map() }),
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
            if (meta?.kind === 'threads') return { ...value, threads: meta.threads };
            if (meta?.kind === 'active') {
              return {
                ...value,
                activeId: meta.activeId,
                decorations: decorationsFor(state, value.threads, value.ranges, meta.activeId),
              };
            }
            if (meta?.kind === 'resolved') {
              return {
                ...value,
                ranges: meta.ranges,
                decorations: decorationsFor(state, value.threads, meta.ranges, value.activeId),
              };
            }
            // Until the anchors are resolved again (after the binding has written this change
            // to Yjs), the highlights follow the edit.
            return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const found = commentHighlightsKey.getState(view.state)?.decorations.find(pos, pos);
            const hit = found?.find((d) => d.from <= pos && pos <= d.to);
            if (hit) options.onSelect((hit.spec as { threadId: string }).threadId);
            return false;
          },
        },
        view() {
          let frame = 0;
          let lastDoc: unknown = null;
          let lastThreads: unknown = null;
          const refresh = (view: EditorView) => {
            frame = 0;
            const value = commentHighlightsKey.getState(view.state);
            if (!value || view.isDestroyed) return;
            lastDoc = view.state.doc;
            lastThreads = value.threads;
            const results = resolveAll(view, value.threads);
            const ranges = new Map<string, { from: number; to: number }>();
            for (const [id, result] of results) if (result.status === 'attached') ranges.set(id, result);
            view.dispatch(
              view.state.tr.setMeta(commentHighlightsKey, { kind: 'resolved', ranges } satisfies HighlightMeta),
            );
            options.onResolved(results);
          };
          return {
            update(view) {
              const value = commentHighlightsKey.getState(view.state);
              // Once per frame at most, and only when the text or the thread list changed.
              if (frame || (view.state.doc === lastDoc && value?.threads === lastThreads)) return;
              frame = requestAnimationFrame(() => refresh(view));
            },
            destroy() {
              if (frame) cancelAnimationFrame(frame);
            },
          };
        },
      }),
    ];
  },
});

/** Shows these threads' highlights (the open ones, as the page decides). */
export function setCommentHighlights(editor: Editor, threads: HighlightedThread[]): void {
  editor.view.dispatch(
    editor.state.tr.setMeta(commentHighlightsKey, { kind: 'threads', threads } satisfies HighlightMeta),
  );
}

/** Emphasises one thread's highlight (or none) and scrolls it into view. */
export function setActiveCommentHighlight(editor: Editor, threadId: string | null): boolean {
  editor.view.dispatch(
    editor.state.tr.setMeta(commentHighlightsKey, { kind: 'active', activeId: threadId } satisfies HighlightMeta),
  );
  const range = threadId ? commentHighlightsKey.getState(editor.state)?.ranges.get(threadId) : undefined;
  if (!range) return false;
  const { node } = editor.view.domAtPos(range.from);
  const element = node instanceof Element ? node : node.parentElement;
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return true;
}

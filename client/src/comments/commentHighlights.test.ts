import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import StarterKit from '@tiptap/starter-kit';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  anchorFromSelection,
  CommentHighlights,
  setActiveCommentHighlight,
  setCommentHighlights,
} from './commentHighlights.ts';
import type { AnchorResolution } from './textAnchors.ts';

/** Two real Tiptap editors on two Y.Docs that exchange every update, like two browsers. */
function twoEditors() {
  const docs = [new Y.Doc(), new Y.Doc()] as const;
  docs[0].on(
    'update',
    (update: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(docs[1], update, 'peer'),
  );
  docs[1].on(
    'update',
    (update: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(docs[0], update, 'peer'),
  );
  const selected: string[] = [];
  let resolved = new Map<string, AnchorResolution>();
  const make = (doc: Y.Doc, editable: boolean, withComments: boolean) =>
    new Editor({
      element: document.createElement('div'),
      editable,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: doc, field: 'content' }),
        ...(withComments
          ? [
              CommentHighlights.configure({
                onSelect: (id) => selected.push(id),
                onResolved: (r) => {
                  resolved = r;
                },
              }),
            ]
          : []),
      ],
    });
  const writer = make(docs[0], true, false);
  // The commenter: the content is read-only for them.
  const commenter = make(docs[1], false, true);
  return { writer, commenter, selected, resolved: () => resolved };
}

/** The document position of the first occurrence of `needle` inside one text node. */
function posOf(editor: Editor, needle: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    const index = node.isText && found < 0 ? (node.text ?? '').indexOf(needle) : -1;
    if (index >= 0) found = pos + index;
  });
  if (found < 0) throw new Error(`no ${needle}`);
  return found;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const highlighted = (editor: Editor) =>
  [...editor.view.dom.querySelectorAll('.comment-highlight')].map((el) => el.textContent).join('|');

let editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors) editor.destroy();
  editors = [];
});

describe('comment highlights', () => {
  it('a read-only commenter anchors a passage; the highlight keeps its words through edits and detaches when they go', async () => {
    const { writer, commenter, selected, resolved } = twoEditors();
    editors = [writer, commenter];
    writer.commands.setContent('<p>The partner funds two doctoral students next year.</p>');
    await nextFrame();

    const from = posOf(commenter, 'two doctoral');
    commenter.commands.setTextSelection({ from, to: from + 'two doctoral students'.length });
    const anchor = anchorFromSelection(commenter, 'doc-1');
    expect(anchor?.quote).toBe('two doctoral students');
    setCommentHighlights(commenter, [{ id: 't1', anchor: anchor as NonNullable<typeof anchor> }]);
    await nextFrame();
    expect(highlighted(commenter)).toBe('two doctoral students');

    // Typing before, inside and after; splitting the paragraph after the passage and joining it again.
    writer.commands.insertContentAt(1, 'Yes. ');
    writer.commands.insertContentAt(posOf(writer, 'doctoral'), 'funded ');
    writer.commands.insertContentAt(posOf(writer, ' next'), '!');
    writer.commands.setTextSelection(posOf(writer, ' next'));
    writer.commands.splitBlock();
    await nextFrame();
    await nextFrame();
    expect(highlighted(commenter)).toBe('two funded doctoral students');
    expect(commenter.state.doc.childCount).toBe(2);
    writer.commands.setTextSelection(posOf(writer, ' next'));
    writer.commands.joinBackward();
    await nextFrame();
    await nextFrame();
    expect(commenter.state.doc.childCount).toBe(1);
    expect(highlighted(commenter)).toBe('two funded doctoral students');
    expect(resolved().get('t1')?.status).toBe('attached');

    // Selecting the thread emphasises its highlight; clicking a highlight reports its thread.
    expect(setActiveCommentHighlight(commenter, 't1')).toBe(true);
    expect(commenter.view.dom.querySelector('.comment-highlight--active')?.textContent).toBe(
      'two funded doctoral students',
    );
    const at = posOf(commenter, 'funded') + 1;
    commenter.view.someProp('handleClick', (handle) => handle(commenter.view, at, new MouseEvent('click')));
    expect(selected).toEqual(['t1']);

    // Deleting the passage detaches the thread; no highlight lands on other words.
    const start = posOf(writer, 'two funded');
    writer.commands.deleteRange({ from: start, to: start + 'two funded doctoral students'.length });
    await nextFrame();
    await nextFrame();
    expect(resolved().get('t1')?.status).toBe('detached');
    expect(highlighted(commenter)).toBe('');
  });
});

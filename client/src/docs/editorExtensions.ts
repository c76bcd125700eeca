import { DocFields } from '@samverka/model';
import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import Mention from '@tiptap/extension-mention';
import { TableKit } from '@tiptap/extension-table';
import { CharacterCount, Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import type { DocumentSession } from '../sync/documentSession.ts';
import { type MentionCandidate, mentionSuggestion } from './mentionSuggestion.ts';

/** What the document's content extensions need, live or read from a snapshot. */
export interface ContentSetup {
  placeholder: string;
  /** The partnership's members now: mentions show their current name and side. */
  members: () => MentionCandidate[];
  sideName: (side: string) => string;
  noMatches: string;
}

export interface EditorSetup extends ContentSetup {
  session: DocumentSession;
  user: { name: string; color: string; side: string };
}

/** The caret label: the typist's name and side, in their colour. */
function renderCaret(user: Record<string, string>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = user.color ?? '#444';
  const label = document.createElement('div');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = user.color ?? '#444';
  label.textContent = user.sideLabel ? `${user.name} · ${user.sideLabel}` : (user.name ?? '');
  caret.append(label);
  return caret;
}

/**
 * The extensions that define what a text document holds and how it looks, with no
 * Y.Doc: the live editor binds them to its session, a snapshot to a stored copy.
 */
export function contentExtensions(setup: ContentSetup): Extensions {
  const mentionText = (id: string, stored: string | null) => {
    const member = setup.members().find((m) => m.id === id);
    return member ? `@${member.label} (${setup.sideName(member.side)})` : `@${stored ?? id}`;
  };
  return [
    // Yjs keeps the history per person; Tiptap's own undo would undo others' typing.
    StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true } }),
    TaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: false } }),
    Placeholder.configure({ placeholder: setup.placeholder }),
    CharacterCount,
    Mention.configure({
      HTMLAttributes: { class: 'mention' },
      // Stored: the member's id (and the name at the time, as a fallback); shown: today's name and side.
      renderText: ({ node }) => mentionText(node.attrs.id, node.attrs.label),
      renderHTML: ({ node }) => [
        'span',
        { class: 'mention', 'data-type': 'mention', 'data-id': node.attrs.id },
        mentionText(node.attrs.id, node.attrs.label),
      ],
      suggestion: mentionSuggestion(setup.members, setup.sideName, setup.noMatches),
    }),
  ];
}

/** Every Tiptap extension of a text document, bound to its shared Y.Doc. */
export function editorExtensions(setup: EditorSetup): Extensions {
  return [
    ...contentExtensions(setup),
    Collaboration.configure({ document: setup.session.doc, field: DocFields.textContent }),
    CollaborationCaret.configure({
      provider: setup.session.provider,
      user: { ...setup.user, sideLabel: setup.sideName(setup.user.side) },
      render: renderCaret,
    }),
  ];
}

import type { MembersResponse } from '@samverka/model';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApiResource } from '../api/useApiResource.ts';
import {
  anchorFromSelection,
  CommentHighlights,
  setActiveCommentHighlight,
  setCommentHighlights,
} from '../comments/commentHighlights.ts';
import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useIdentity } from '../identity/identity.tsx';
import { usePartnership } from '../partnerships/PartnershipContext.tsx';
import { useDocumentTitle } from '../partnerships/useDocumentTitle.ts';
import { useParams } from '../router/router.tsx';
import { DocumentHeader } from '../shell/DocumentHeader.tsx';
import { useDocumentSession } from '../sync/useDocumentSession.ts';
import { usePresence } from '../sync/usePresence.ts';
import { Button } from '../ui/index.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import { editorExtensions } from './editorExtensions.ts';
import { EditorShortcuts } from './editorShortcuts.ts';
import type { MentionCandidate } from './mentionSuggestion.ts';
import { useDocumentComments } from './useDocumentComments.ts';
import './documents.css';

/** A live Tiptap text document: toolbar, everyone's carets, mentions, word count, print layout. */
export default function DocumentPage() {
  const { docId = '' } = useParams();
  const { t, locale } = useI18n();
  const format = useFormat();
  const { identity } = useIdentity();
  const session = useDocumentSession(docId);
  const { partnership, side, abilities } = usePartnership();
  const collaborators = usePresence(session, { ...identity, side });
  const title = useDocumentTitle(docId, t('document.title'));
  const { data: memberList } = useApiResource<MembersResponse>(`/api/partnerships/${partnership.id}/members`);
  const [linkRequests, setLinkRequests] = useState(0);
  const comments = useDocumentComments(docId);
  // Read through a ref so the editor is not rebuilt when threads or callbacks change.
  const commentsRef = useRef(comments);
  commentsRef.current = comments;

  // Read through a ref so mentions show today's names without rebuilding the editor.
  const members = useRef<MentionCandidate[]>([]);
  members.current = (memberList?.members ?? []).map((m) => ({ id: m.userId, label: m.name, side: m.side }));
  const sideName = useMemo(
    () => (s: string) =>
      s === 'university' ? partnership.universityName : s === 'partner' ? partnership.partnerName : s,
    [partnership.universityName, partnership.partnerName],
  );

  const editor = useEditor(
    {
      extensions: [
        ...editorExtensions({
          session,
          user: { name: identity.name, color: identity.color, side },
          placeholder: t('document.placeholder'),
          members: () => members.current,
          sideName,
          noMatches: t('editor.noMembers'),
        }),
        EditorShortcuts.configure({ requestLink: () => setLinkRequests((n) => n + 1) }),
        CommentHighlights.configure({
          onSelect: (threadId) => commentsRef.current.onSelectThread(threadId),
          onResolved: (resolutions) => commentsRef.current.onResolved(resolutions),
        }),
      ],
      // The server drops a read-only member's updates anyway; not letting them type says so honestly.
      editable: abilities.edit,
      editorProps: {
        attributes: {
          'aria-label': t('document.editorLabel'),
          class: 'prose',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-readonly': String(!abilities.edit),
        },
      },
    },
    // A new name, colour, side or language rebuilds the editor; the text itself lives in the Y.Doc.
    [session, identity.name, identity.color, side, abilities.edit, locale, sideName],
  );
  const hasSelection = useEditorState({
    editor,
    selector: ({ editor: e }) => Boolean(e && !e.state.selection.empty),
  });
  const { threads, focus } = comments;
  useEffect(() => {
    if (editor) setCommentHighlights(editor, threads);
  }, [editor, threads]);
  useEffect(() => {
    // A thread selected before its highlight was drawn: try again once the anchors resolved.
    if (editor && !setActiveCommentHighlight(editor, focus.threadId) && focus.threadId) {
      const retry = setTimeout(() => setActiveCommentHighlight(editor, focus.threadId), 300);
      return () => clearTimeout(retry);
    }
  }, [editor, focus]);
  const startThread = () => {
    const anchor = editor && anchorFromSelection(editor, docId);
    if (anchor) comments.onStartThread(anchor);
  };

  const words = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? (e.storage.characterCount?.words() as number) : 0),
  });

  return (
    <div className="document-page">
      <DocumentHeader title={title} session={session} collaborators={collaborators} readOnly={!abilities.edit} />
      {editor && abilities.edit && <EditorToolbar editor={editor} linkRequests={linkRequests} />}
      {comments.mayComment && (
        <div className="document-comment-bar">
          {/* Pressing the button must not take the text selection away first. */}
          <Button
            variant="secondary"
            size="sm"
            disabled={!hasSelection}
            onMouseDown={(event) => event.preventDefault()}
            onClick={startThread}
          >
            {t('textComments.comment')}
          </Button>
          {!hasSelection && <span className="muted">{t('textComments.selectHint')}</span>}
        </div>
      )}
      <div className="text-document">
        <header className="print-only print-header">
          <h1>{title}</h1>
          <p>
            {partnership.name} · {format.date(new Date())}
          </p>
        </header>
        <EditorContent editor={editor} />
      </div>
      <footer className="document-footer">
        <output aria-live="off" data-testid="word-count">
          {t('document.words', { count: String(words ?? 0) })}
        </output>
      </footer>
    </div>
  );
}

import { DocFields } from '@samverka/model';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useParams } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { useIdentity } from '../identity/identity.tsx';
import { usePartnership } from '../partnerships/PartnershipContext.tsx';
import { useDocumentTitle } from '../partnerships/useDocumentTitle.ts';
import { DocumentHeader } from '../shell/DocumentHeader.tsx';
import { useDocumentSession } from '../sync/useDocumentSession.ts';
import { usePresence } from '../sync/usePresence.ts';

/** A live Tiptap text document with everyone's carets. */
export default function DocumentPage() {
  const { docId = '' } = useParams();
  const { t } = useI18n();
  const { identity } = useIdentity();
  const session = useDocumentSession(docId);
  const { side, abilities } = usePartnership();
  const collaborators = usePresence(session, { ...identity, side });
  const title = useDocumentTitle(docId, t('document.title'));

  const editor = useEditor(
    {
      extensions: [
        // Yjs keeps the history per person; Tiptap's own undo would undo others' typing.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: session.doc, field: DocFields.textContent }),
        CollaborationCaret.configure({
          provider: session.provider,
          user: { name: identity.name, color: identity.color },
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
        },
      },
    },
    // A new name or colour rebuilds the editor; the text itself lives in the Y.Doc.
    [session, identity.name, identity.color, abilities.edit],
  );

  return (
    <div className="document-page">
      <DocumentHeader title={title} session={session} collaborators={collaborators} />
      <div className="text-document">
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}

import { DocFields } from '@samverka/model';
import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import type * as Y from 'yjs';
import '../docs/documents.css';
import { contentExtensions } from '../docs/editorExtensions.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * A text document as it was in a snapshot: the live editor's Tiptap extensions over
 * the stored copy, not editable. Mentions show the name stored with them (a snapshot
 * keeps what people read then; a link holder may not see the member list).
 */
export function SnapshotText({ doc, title }: { doc: Y.Doc; title: string }) {
  const { t } = useI18n();
  const editor = useEditor(
    {
      extensions: [
        ...contentExtensions({
          placeholder: '',
          members: () => [],
          sideName: (side) => side,
          noMatches: t('editor.noMembers'),
        }),
        Collaboration.configure({ document: doc, field: DocFields.textContent }),
      ],
      editable: false,
      editorProps: {
        attributes: { 'aria-label': title, class: 'prose', 'aria-readonly': 'true' },
      },
    },
    [doc, title],
  );
  return (
    <div className="text-document snapshot-text">
      <EditorContent editor={editor} />
    </div>
  );
}

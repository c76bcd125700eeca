import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../i18n/areas.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LinkIcon } from '../ui/index.ts';
import { shortcutLabel } from './editorShortcuts.ts';

interface ToolDef {
  id: string;
  label: MessageKey;
  /** Shown on the button (short, not translated: a symbol or abbreviation). */
  glyph: string;
  shortcut?: string;
  run: (editor: Editor) => void;
  active?: (editor: Editor) => boolean;
  can?: (editor: Editor) => boolean;
}

const chain = (editor: Editor) => editor.chain().focus();

/** The toolbar's buttons in groups; each shortcut is the one the editor answers to. */
const GROUPS: ToolDef[][] = [
  [
    {
      id: 'undo',
      label: 'editor.undo',
      glyph: '↶',
      shortcut: 'Mod-z',
      run: (e) => chain(e).undo().run(),
      can: (e) => e.can().undo(),
    },
    {
      id: 'redo',
      label: 'editor.redo',
      glyph: '↷',
      shortcut: 'Mod-Shift-z',
      run: (e) => chain(e).redo().run(),
      can: (e) => e.can().redo(),
    },
  ],
  ([1, 2, 3] as const).map((level) => ({
    id: `h${level}`,
    label: `editor.heading${level}` as MessageKey,
    glyph: `H${level}`,
    shortcut: `Mod-Alt-${level}`,
    run: (e: Editor) => chain(e).toggleHeading({ level }).run(),
    active: (e: Editor) => e.isActive('heading', { level }),
  })),
  [
    {
      id: 'bold',
      label: 'editor.bold',
      glyph: 'B',
      shortcut: 'Mod-b',
      run: (e) => chain(e).toggleBold().run(),
      active: (e) => e.isActive('bold'),
    },
    {
      id: 'italic',
      label: 'editor.italic',
      glyph: 'I',
      shortcut: 'Mod-i',
      run: (e) => chain(e).toggleItalic().run(),
      active: (e) => e.isActive('italic'),
    },
    {
      id: 'code',
      label: 'editor.code',
      glyph: '</>',
      shortcut: 'Mod-e',
      run: (e) => chain(e).toggleCode().run(),
      active: (e) => e.isActive('code'),
    },
  ],
  [
    {
      id: 'bulletList',
      label: 'editor.bulletList',
      glyph: '•',
      shortcut: 'Mod-Shift-8',
      run: (e) => chain(e).toggleBulletList().run(),
      active: (e) => e.isActive('bulletList'),
    },
    {
      id: 'orderedList',
      label: 'editor.orderedList',
      glyph: '#≡',
      shortcut: 'Mod-Shift-7',
      run: (e) => chain(e).toggleOrderedList().run(),
      active: (e) => e.isActive('orderedList'),
    },
    {
      id: 'taskList',
      label: 'editor.taskList',
      glyph: '☑',
      shortcut: 'Mod-Shift-9',
      run: (e) => chain(e).toggleTaskList().run(),
      active: (e) => e.isActive('taskList'),
    },
  ],
  [
    {
      id: 'blockquote',
      label: 'editor.quote',
      glyph: '❝',
      shortcut: 'Mod-Shift-b',
      run: (e) => chain(e).toggleBlockquote().run(),
      active: (e) => e.isActive('blockquote'),
    },
    {
      id: 'codeBlock',
      label: 'editor.codeBlock',
      glyph: '{ }',
      shortcut: 'Mod-Alt-c',
      run: (e) => chain(e).toggleCodeBlock().run(),
      active: (e) => e.isActive('codeBlock'),
    },
    {
      id: 'table',
      label: 'editor.table',
      glyph: '▦',
      shortcut: 'Mod-Alt-t',
      run: (e) => chain(e).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    },
    {
      id: 'rule',
      label: 'editor.rule',
      glyph: '―',
      shortcut: 'Mod-Alt-h',
      run: (e) => chain(e).setHorizontalRule().run(),
    },
  ],
];

/** Formatting buttons over the text, each with its keyboard shortcut in the tooltip, and the link form. */
export function EditorToolbar({ editor, linkRequests }: { editor: Editor; linkRequests: number }) {
  const { t } = useI18n();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      Object.fromEntries(
        GROUPS.flat().flatMap((tool) => [
          [`${tool.id}:active`, tool.active?.(e) ?? false],
          [`${tool.id}:can`, tool.can?.(e) ?? true],
        ]),
      ) as Record<string, boolean>,
  });
  const [linkOpen, setLinkOpen] = useState(false);
  // The Mod-k shortcut (counted by the page) opens the link form too.
  useEffect(() => {
    if (linkRequests > 0) setLinkOpen(true);
  }, [linkRequests]);

  return (
    <div className="editor-toolbar-wrap">
      <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
        {GROUPS.map((group) => (
          <div className="editor-toolbar-group" key={group[0]?.id}>
            {group.map((tool) => {
              const name = t(tool.label);
              const tip = tool.shortcut ? `${name} (${shortcutLabel(tool.shortcut)})` : name;
              const pressable = tool.active !== undefined;
              return (
                <button
                  key={tool.id}
                  type="button"
                  className="editor-tool"
                  data-tool={tool.id}
                  aria-label={name}
                  aria-keyshortcuts={tool.shortcut?.replace('Mod', 'Control')}
                  aria-pressed={pressable ? state[`${tool.id}:active`] : undefined}
                  title={tip}
                  disabled={!state[`${tool.id}:can`]}
                  onClick={() => tool.run(editor)}
                >
                  <span aria-hidden="true">{tool.glyph}</span>
                </button>
              );
            })}
          </div>
        ))}
        <div className="editor-toolbar-group">
          <button
            type="button"
            className="editor-tool"
            data-tool="link"
            aria-label={t('editor.link')}
            aria-keyshortcuts="Control+K"
            aria-expanded={linkOpen}
            title={`${t('editor.link')} (${shortcutLabel('Mod-k')})`}
            onClick={() => setLinkOpen((open) => !open)}
          >
            <LinkIcon />
          </button>
        </div>
      </div>
      {linkOpen && <LinkForm editor={editor} onDone={() => setLinkOpen(false)} />}
    </div>
  );
}

/** Sets or removes the link on the selection; only web and mail addresses are accepted. */
function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [href, setHref] = useState(() => (editor.getAttributes('link').href as string | undefined) ?? 'https://');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => input.current?.select(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = href.trim();
    if (value === '' || value === 'https://') {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      onDone();
      return;
    }
    if (!/^(https?:\/\/|mailto:)\S+$/i.test(value)) {
      setInvalid(true);
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: value }).run();
    onDone();
  };

  return (
    <form className="editor-link-form" onSubmit={submit}>
      <label>
        {t('editor.linkAddress')}
        <input
          ref={input}
          type="url"
          value={href}
          aria-invalid={invalid}
          onChange={(event) => {
            setHref(event.target.value);
            setInvalid(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              onDone();
              editor.commands.focus();
            }
          }}
        />
      </label>
      <button type="submit" className="ui-button ui-button--primary ui-button--sm">
        {t('editor.linkApply')}
      </button>
      {invalid && <span className="field-error">{t('editor.linkInvalid')}</span>}
    </form>
  );
}

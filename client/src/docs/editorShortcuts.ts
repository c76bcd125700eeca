import { Extension } from '@tiptap/core';

/** Shortcuts Tiptap has no default for: horizontal rule, table, and the link form. */
export const EditorShortcuts = Extension.create<{ requestLink: () => void }>({
  name: 'samverkaShortcuts',
  addOptions() {
    return { requestLink: () => undefined };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Alt-h': () => this.editor.commands.setHorizontalRule(),
      'Mod-Alt-t': () => this.editor.commands.insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
      'Mod-k': () => {
        this.options.requestLink();
        return true;
      },
    };
  },
});

/** How a shortcut is written on this computer: ⌘ on Apple devices, Ctrl elsewhere. */
export function shortcutLabel(keys: string): string {
  const apple = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  return keys
    .split('-')
    .map((key) => {
      if (key === 'Mod') return apple ? '⌘' : 'Ctrl';
      if (key === 'Alt') return apple ? '⌥' : 'Alt';
      if (key === 'Shift') return apple ? '⇧' : 'Shift';
      return key.length === 1 ? key.toUpperCase() : key;
    })
    .join(apple ? '' : '+');
}

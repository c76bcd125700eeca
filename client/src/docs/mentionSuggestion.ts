import type { SuggestionOptions, SuggestionProps } from '@tiptap/suggestion';

/** A member as the @-menu offers them. */
export interface MentionCandidate {
  id: string;
  label: string;
  side: string;
}

/**
 * The @-menu: a small listbox under the caret, filtered by what follows the @.
 * Arrow keys move, Enter or Tab picks, Escape closes. Plain DOM, because the
 * suggestion plugin drives it from outside React.
 */
export function mentionSuggestion(
  candidates: () => MentionCandidate[],
  sideName: (side: string) => string,
  emptyText: string,
): Omit<SuggestionOptions<MentionCandidate>, 'editor'> {
  return {
    items: ({ query }) => {
      const q = query.toLocaleLowerCase();
      return candidates()
        .filter((c) => c.label.toLocaleLowerCase().includes(q))
        .slice(0, 8);
    },
    render: () => {
      let list: HTMLUListElement | undefined;
      let props: SuggestionProps<MentionCandidate> | undefined;
      let active = 0;

      const draw = () => {
        if (!list || !props) return;
        list.replaceChildren();
        if (props.items.length === 0) {
          const empty = document.createElement('li');
          empty.className = 'mention-menu-empty';
          empty.textContent = emptyText;
          list.append(empty);
        }
        props.items.forEach((item, index) => {
          const option = document.createElement('li');
          option.id = `mention-option-${index}`;
          option.role = 'option';
          option.className = 'mention-menu-option';
          option.setAttribute('aria-selected', String(index === active));
          option.textContent = `${item.label} · ${sideName(item.side)}`;
          option.addEventListener('mousedown', (event) => {
            event.preventDefault();
            props?.command(item);
          });
          list?.append(option);
        });
        list.setAttribute('aria-activedescendant', props.items.length ? `mention-option-${active}` : '');
        const rect = props.clientRect?.();
        if (rect) {
          list.style.left = `${rect.left + window.scrollX}px`;
          list.style.top = `${rect.bottom + window.scrollY + 4}px`;
        }
      };

      return {
        onStart(next) {
          props = next;
          active = 0;
          list = document.createElement('ul');
          list.className = 'mention-menu';
          list.role = 'listbox';
          document.body.append(list);
          draw();
        },
        onUpdate(next) {
          props = next;
          active = Math.min(active, Math.max(0, next.items.length - 1));
          draw();
        },
        onKeyDown({ event }) {
          if (!props) return false;
          const count = props.items.length;
          if (event.key === 'ArrowDown' && count) active = (active + 1) % count;
          else if (event.key === 'ArrowUp' && count) active = (active - 1 + count) % count;
          else if ((event.key === 'Enter' || event.key === 'Tab') && count) {
            props.command(props.items[active] as MentionCandidate);
            return true;
          } else if (event.key === 'Escape') {
            list?.remove();
            list = undefined;
            return true;
          } else return false;
          draw();
          return true;
        },
        onExit() {
          list?.remove();
          list = undefined;
          props = undefined;
        },
      };
    },
  };
}

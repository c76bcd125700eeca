import type { ThreadAnchor } from '@samverka/model';
import type { Translate } from '../i18n/i18n.tsx';

/** What a thread hangs on, in words: "Goal", "Risk", "Text: “…”", with the page's own name for it when known. */
export function anchorText(t: Translate, anchor: ThreadAnchor, label?: string): string {
  const kind = t(`comments.anchor.${anchor.type}`);
  if (label) return `${kind}: ${label}`;
  if (anchor.type === 'text')
    return `${kind}: “${anchor.quote.length > 60 ? `${anchor.quote.slice(0, 60)}…` : anchor.quote}”`;
  return kind;
}

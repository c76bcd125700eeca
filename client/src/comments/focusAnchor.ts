import type { ThreadAnchor } from '@samverka/model';
import { anchorKey } from './commentsApi.ts';

const HIGHLIGHT_CLASS = 'anchor-highlight';
const HIGHLIGHT_MS = 2_500;

/**
 * Scrolls to and briefly highlights the element a page marked with
 * `data-anchor-key={anchorKey(anchor)}` (goal cards, risk rows…). Pages whose anchors
 * are not elements (canvas shapes, text ranges) pass their own `onSelectThread`.
 * Waits up to `waitMs` for the element, since a page may still be loading.
 * Resolves true when it found the element.
 */
export function focusAnchor(anchor: ThreadAnchor, waitMs = 3_000): Promise<boolean> {
  const selector = `[data-anchor-key="${CSS.escape(anchorKey(anchor))}"]`;
  const deadline = performance.now() + waitMs;
  return new Promise((resolve) => {
    const attempt = () => {
      const element = document.querySelector<HTMLElement>(selector);
      if (element) {
        element.scrollIntoView({ block: 'center', behavior: 'smooth' });
        element.classList.add(HIGHLIGHT_CLASS);
        setTimeout(() => element.classList.remove(HIGHLIGHT_CLASS), HIGHLIGHT_MS);
        resolve(true);
      } else if (performance.now() < deadline) {
        setTimeout(attempt, 100);
      } else {
        resolve(false);
      }
    };
    attempt();
  });
}

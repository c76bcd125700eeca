import type { ReactNode } from 'react';

interface TableProps {
  /** The caption names the table; `captionHidden` keeps it for screen readers only. */
  caption: string;
  captionHidden?: boolean;
  children: ReactNode;
  className?: string;
  /** `data-testid` of the table element, for tests. */
  testId?: string;
}

/**
 * A data table that scrolls sideways inside its own box on narrow screens,
 * so the page itself never does. Children are the `thead` and `tbody`.
 */
export function Table({ caption, captionHidden, children, className, testId }: TableProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="ui-table-scroll" tabIndex={0} aria-label={caption}>
      <table className={['ui-table', className].filter(Boolean).join(' ')} data-testid={testId}>
        <caption className={captionHidden ? 'visually-hidden' : 'ui-table-caption'}>{caption}</caption>
        {children}
      </table>
    </section>
  );
}

import type { ReactNode } from 'react';

interface TableProps {
  /** The caption names the table; `captionHidden` keeps it for screen readers only. */
  caption: string;
  captionHidden?: boolean;
  children: ReactNode;
  className?: string;
  /** `data-testid` of the table element, for tests. */
  testId?: string;
  /**
   * On a phone, each row becomes a card: its first cell as the heading, every other cell
   * on a line of its own after its column's name, taken from the cell's `data-label`.
   * For tables read rather than compared across, whose columns would not fit.
   */
  stackOnPhone?: boolean;
}

/**
 * A data table that scrolls sideways inside its own box on narrow screens,
 * so the page itself never does (or, with `stackOnPhone`, is laid out as cards
 * there). Children are the `thead` and `tbody`.
 */
export function Table({ caption, captionHidden, children, className, testId, stackOnPhone }: TableProps) {
  const classes = ['ui-table', stackOnPhone && 'ui-table--stack', className].filter(Boolean).join(' ');
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="ui-table-scroll" tabIndex={0} aria-label={caption}>
      <table className={classes} data-testid={testId}>
        <caption className={captionHidden ? 'visually-hidden' : 'ui-table-caption'}>{caption}</caption>
        {children}
      </table>
    </section>
  );
}

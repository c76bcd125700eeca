import { type ReactNode, useId } from 'react';

interface PanelProps {
  title: string;
  /** A link or button at the right of the title, e.g. "All activity". */
  action?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** A titled box on a page or dashboard; it is a landmark named by its title. */
export function Panel({ title, action, children, className }: PanelProps) {
  const id = useId();
  return (
    <section className={['ui-panel', className].filter(Boolean).join(' ')} aria-labelledby={id}>
      <div className="ui-panel-head">
        <h2 id={id}>{title}</h2>
        {action}
      </div>
      {children}
    </section>
  );
}

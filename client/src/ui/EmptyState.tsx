import type { ReactNode } from 'react';

/** What an empty list says, and the action that fills it. */
export function EmptyState({ title, body, action }: { title: string; body?: string; action?: ReactNode }) {
  return (
    <div className="ui-empty">
      <p className="ui-empty-title">{title}</p>
      {body && <p className="ui-empty-body">{body}</p>}
      {action && <div className="ui-empty-action">{action}</div>}
    </div>
  );
}

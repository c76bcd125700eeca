import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle.ts';

interface PageHeaderProps {
  title: string;
  subtitle?: ReactNode;
  /** Buttons or a Menu at the right (they wrap below the title on narrow screens). */
  actions?: ReactNode;
  /** The browser tab's title when it should differ from `title`. */
  documentTitle?: string;
}

/** The page's h1, a line under it, and its actions; also sets the browser tab's title. */
export function PageHeader({ title, subtitle, actions, documentTitle }: PageHeaderProps) {
  usePageTitle(documentTitle ?? title);
  return (
    <header className="ui-page-header">
      <div className="ui-page-header-text">
        <h1>{title}</h1>
        {subtitle && <div className="ui-page-header-subtitle">{subtitle}</div>}
      </div>
      {actions && <div className="ui-page-header-actions">{actions}</div>}
    </header>
  );
}

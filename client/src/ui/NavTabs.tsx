import { NavLink } from '../router/router.tsx';

export interface NavTab {
  to: string;
  label: string;
}

/**
 * Tabs that are pages: each is a link with its own URL (the current one marked
 * `aria-current="page"`), styled like `Tabs`. Use `Tabs` when the panels share one URL.
 */
export function NavTabs({ label, tabs }: { label: string; tabs: NavTab[] }) {
  return (
    <nav className="ui-tab-list ui-nav-tabs" aria-label={label}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} className="ui-tab">
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}

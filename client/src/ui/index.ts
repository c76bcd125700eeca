/** The design system: import components from here (see README.md). */
export { Badge, type BadgeTone } from './Badge.tsx';
export { Button, ButtonLink, type ButtonVariant, buttonClass } from './Button.tsx';
export { ConfirmDialog, type ConfirmOptions, ConfirmProvider, useConfirm } from './ConfirmDialog.tsx';
export { Dialog } from './Dialog.tsx';
export { EmptyState } from './EmptyState.tsx';
export { IconButton } from './IconButton.tsx';
export { CloseIcon, LinkIcon, MenuIcon, MoonIcon, MoreIcon, SunIcon } from './icons.tsx';
export { Menu, type MenuItem } from './Menu.tsx';
export { type NavTab, NavTabs } from './NavTabs.tsx';
export { PageHeader } from './PageHeader.tsx';
export { Panel } from './Panel.tsx';
export { Skeleton } from './Skeleton.tsx';
export { Table } from './Table.tsx';
export { type TabItem, Tabs } from './Tabs.tsx';
export { ThemeSwitch } from './ThemeSwitch.tsx';
export { ToastProvider, type ToastTone, useToast } from './Toast.tsx';
export { applyInitialTheme, type Theme, ThemeProvider, useTheme } from './theme.tsx';
export { usePageTitle } from './usePageTitle.ts';

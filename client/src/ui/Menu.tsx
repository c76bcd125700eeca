import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { ReactNode } from 'react';

export interface MenuItem {
  label: string;
  onSelect(): void;
  /** Destructive actions are shown in the danger colour. */
  danger?: boolean;
  disabled?: boolean;
}

interface MenuProps {
  /** The trigger, usually an IconButton or Button (it must forward its ref). */
  trigger: ReactNode;
  items: MenuItem[];
  align?: 'start' | 'end';
}

/** A dropdown of actions (Radix: arrow keys, typeahead, Escape, focus return). */
export function Menu({ trigger, items, align = 'end' }: MenuProps) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="ui-menu" align={align} sideOffset={4}>
          {items.map((item) => (
            <DropdownMenu.Item
              key={item.label}
              className={item.danger ? 'ui-menu-item ui-menu-item--danger' : 'ui-menu-item'}
              disabled={item.disabled}
              onSelect={item.onSelect}
            >
              {item.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

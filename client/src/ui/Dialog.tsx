import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { IconButton } from './IconButton.tsx';
import { CloseIcon } from './icons.tsx';

interface DialogProps {
  /** The button that opens it (focus returns there on close); it must forward its ref. */
  trigger?: ReactNode;
  open?: boolean;
  onOpenChange?(open: boolean): void;
  title: string;
  description?: string;
  children: ReactNode;
}

/** A modal dialog (Radix: focus trap, Escape, focus return, labelled by its title). */
export function Dialog({ trigger, open, onOpenChange, title, description, children }: DialogProps) {
  const { t } = useI18n();
  return (
    <RadixDialog.Root {...(open !== undefined ? { open } : {})} {...(onOpenChange ? { onOpenChange } : {})}>
      {trigger && <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="ui-overlay" />
        <RadixDialog.Content className="ui-dialog" {...(description ? {} : { 'aria-describedby': undefined })}>
          <RadixDialog.Title className="ui-dialog-title">{title}</RadixDialog.Title>
          {description && (
            <RadixDialog.Description className="ui-dialog-description">{description}</RadixDialog.Description>
          )}
          {children}
          {/* Last in the tab order, so the focus starts in the dialog's first field. */}
          <RadixDialog.Close asChild>
            <IconButton className="ui-dialog-close" label={t('ui.close')} icon={<CloseIcon />} />
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useI18n } from '../i18n/i18n.tsx';
import { buttonClass } from './Button.tsx';

export interface ConfirmOptions {
  title: string;
  body?: string;
  confirmLabel: string;
  /** Destructive confirmations get the danger button. Default true. */
  danger?: boolean;
}

interface ConfirmDialogProps extends ConfirmOptions {
  open: boolean;
  onOpenChange(open: boolean): void;
  onConfirm(): void;
}

/** "Are you sure?" before an action that cannot be undone; Cancel has the focus first. */
export function ConfirmDialog({
  open,
  onOpenChange,
  onConfirm,
  title,
  body,
  confirmLabel,
  danger = true,
}: ConfirmDialogProps) {
  const { t } = useI18n();
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="ui-overlay" />
        <AlertDialog.Content
          className="ui-dialog ui-dialog--confirm"
          {...(body ? {} : { 'aria-describedby': undefined })}
        >
          <AlertDialog.Title className="ui-dialog-title">{title}</AlertDialog.Title>
          {body && <AlertDialog.Description className="ui-dialog-description">{body}</AlertDialog.Description>}
          <div className="ui-dialog-actions">
            <AlertDialog.Cancel className={buttonClass('secondary', 'md')}>{t('ui.cancel')}</AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClass(danger ? 'danger' : 'primary', 'md')} onClick={onConfirm}>
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
